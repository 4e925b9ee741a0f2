import type { EntityManager } from 'typeorm';
import type { SchoolMoveEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild, nullColumns } from '../erasure/forget';

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** School moves and their child-protection files: the two DSLs' list, and who may open a received file. */
export const schoolMovesProjection: Projection = {
  name: 'school-moves',
  eventTypes: ['SchoolMoveRecorded', 'ChildProtectionFileSent', 'ChildProtectionFileReceived', CHILD_RECORD_ERASED],
  tables: ['school_moves'],

  async apply(recorded: RecordedEvent, manager: EntityManager) {
    // Erased (ADR 016): the move's reason goes; schools, days, clocks and breaches stay.
    if (recorded.type === CHILD_RECORD_ERASED)
      return nullColumns(manager, 'school_moves', ['reason'], erasedChild(recorded));
    const event = { type: recorded.type, data: recorded.data } as unknown as SchoolMoveEvent;
    const revision = recorded.revision.toString();
    const update = (set: string, values: unknown[]) =>
      manager.query(`UPDATE read_models.school_moves SET ${set}, revision = $2 WHERE move_id = $1`, [
        event.data.moveId,
        revision,
        ...values,
      ]);
    switch (event.type) {
      case 'SchoolMoveRecorded': {
        const d = event.data;
        // An erased reason stays erased here too.
        const reason = (recorded.erasedFields ?? []).includes('reason') ? null : d.reason;
        await manager.query(
          `INSERT INTO read_models.school_moves (move_id, child_id, from_school_id, to_school_id, starts_on, reason, recorded_by, recorded_at, records, transfer_due_by, revision)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (move_id) DO NOTHING`,
          [
            d.moveId,
            d.childId,
            d.fromSchoolId,
            d.toSchoolId,
            d.startsOn,
            reason,
            json(d.recordedBy),
            d.recordedAt,
            json(d.childProtectionFile?.records ?? []),
            d.childProtectionFile?.transferDueBy ?? null,
            revision,
          ],
        );
        return;
      }
      case 'ChildProtectionFileSent': {
        const d = event.data;
        await update(`sent_on = $3, sent_by = $4, school_day = $5, transfer_breach = $6, receipt_due_by = $7`, [
          d.sentOn,
          json(d.sentBy),
          d.schoolDay,
          json(d.breach),
          d.receiptDueBy,
        ]);
        return;
      }
      case 'ChildProtectionFileReceived': {
        const d = event.data;
        await update(`received_on = $3, received_by = $4, receipt_breach = $5`, [
          d.receivedOn,
          json(d.receivedBy),
          json(d.breach),
        ]);
        return;
      }
    }
  },
};
