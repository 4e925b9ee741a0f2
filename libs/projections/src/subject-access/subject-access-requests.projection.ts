import type { EntityManager } from 'typeorm';
import type { SubjectAccessEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild, withoutKeys } from '../erasure/forget';

const json = (value: unknown) => JSON.stringify(value ?? null);

/** The dpo's queue: every subject-access request, its due day (moved by an extension), and its answer. */
export const subjectAccessRequestsProjection: Projection = {
  name: 'subject-access-requests',
  eventTypes: [
    'SubjectAccessRequestReceived',
    'SubjectAccessRequestExtended',
    'SubjectAccessResponseReleased',
    'SubjectAccessRequestClosed',
    CHILD_RECORD_ERASED,
  ],
  tables: ['subject_access_requests'],

  async apply(recorded: RecordedEvent, manager: EntityManager) {
    if (recorded.type === CHILD_RECORD_ERASED) {
      // Erased (ADR 016): who asked, how they were identified, the words of an extension and of a breach go; the clock and what was sent stay.
      await manager.query(
        `UPDATE read_models.subject_access_requests SET requester = NULL, identity_check = NULL, breach = NULL, extension = ${withoutKeys('extension', ['reason'])} WHERE child_id = $1`,
        [erasedChild(recorded)],
      );
      return;
    }
    const event = { type: recorded.type, data: recorded.data } as unknown as SubjectAccessEvent;
    const revision = recorded.revision.toString();
    const update = (set: string, values: unknown[]) =>
      manager.query(`UPDATE read_models.subject_access_requests SET ${set}, revision = $2 WHERE request_id = $1`, [
        event.data.requestId,
        revision,
        ...values,
      ]);
    switch (event.type) {
      case 'SubjectAccessRequestReceived': {
        const d = event.data;
        // Erased (crypto-shredded) personal fields arrive without their values: the request stays on the queue without them.
        await manager.query(
          `INSERT INTO read_models.subject_access_requests
             (request_id, child_id, kind, requester, identity_check, received_on, clock, school_id, first_due_by, due_by, recorded_by, recorded_at, revision)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12) ON CONFLICT (request_id) DO NOTHING`,
          [
            d.requestId,
            d.childId,
            d.kind,
            json(d.requester),
            json(d.identityCheck),
            d.receivedOn,
            d.clock,
            d.schoolId ?? null,
            d.dueBy,
            json(d.recordedBy),
            d.recordedAt,
            revision,
          ],
        );
        return;
      }
      case 'SubjectAccessRequestExtended': {
        const { months, reason, requesterToldOn, dueBy, extendedBy, extendedAt } = event.data;
        await update('due_by = $3, extension = $4', [
          dueBy,
          json({ months, reason: reason ?? null, requesterToldOn, extendedBy, extendedAt }),
        ]);
        return;
      }
      case 'SubjectAccessResponseReleased': {
        const { disclosureId, channel, basis, sent, exemptionsApplied, releasedBy, releasedAt } = event.data;
        await update('response = $3', [
          json({ disclosureId, channel, basis, sent, exemptionsApplied, releasedBy, releasedAt }),
        ]);
        return;
      }
      case 'SubjectAccessRequestClosed':
        await update('answered_on = $3, breach = $4', [
          event.data.answeredOn,
          event.data.breach ? json(event.data.breach) : null,
        ]);
        return;
    }
  },
};
