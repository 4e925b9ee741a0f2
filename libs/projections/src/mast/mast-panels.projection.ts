import type { EntityManager } from 'typeorm';
import type { MastPanelEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, eachWithoutKeys, erasedChild, personalKeysOf } from '../erasure/forget';
import { MastAgendaItem } from './mast-agenda-item.entity';
import { MastPanelRow } from './mast-panel-row.entity';

const asDomain = (event: RecordedEvent) => ({ type: event.type, data: event.data }) as unknown as MastPanelEvent;

/** Each weekly panel: agenda, attendance by agency, conflicts, decisions with reasons, minutes. */
export const mastPanelsProjection: Projection = {
  name: 'mast-panels',
  eventTypes: [
    'PanelScheduled',
    'PanelAgendaSet',
    'PanelMemberAttended',
    'PanelMemberLeft',
    'ConflictOfInterestDeclared',
    'PanelDecisionRecorded',
    'PanelMinutesRecorded',
    'PanelClosed',
    CHILD_RECORD_ERASED,
  ],
  tables: ['mast_agenda_items', 'mast_panels'],

  async apply(recorded: RecordedEvent, manager: EntityManager) {
    if (recorded.type === CHILD_RECORD_ERASED) {
      // The child's agenda items lose the decision's reasons and the nature of conflicts declared about them.
      await manager.query(
        `UPDATE read_models.mast_agenda_items SET reason = NULL, conflicts = ${eachWithoutKeys('conflicts', personalKeysOf('ConflictOfInterestDeclared'))} WHERE child_id = $1`,
        [erasedChild(recorded)],
      );
      return;
    }
    const panels = manager.getRepository(MastPanelRow);
    const items = manager.getRepository(MastAgendaItem);
    const event = asDomain(recorded);
    const updatedAt = recorded.occurredAt;
    const panelDate = event.data.panelDate;
    const panel = () => panels.findOneByOrFail({ panelDate });

    switch (event.type) {
      case 'PanelScheduled':
        await panels.upsert({ panelDate, status: 'scheduled', scheduledBy: event.data.scheduledBy.userId, updatedAt }, [
          'panelDate',
        ]);
        return;
      case 'PanelAgendaSet': {
        // The domain refuses a new agenda once decisions are recorded: replacing is safe.
        await items.delete({ panelDate });
        if (event.data.items.length > 0) {
          await items.insert(
            event.data.items.map((item, position) => ({
              panelDate,
              requestId: item.requestId,
              position,
              childId: item.childId,
              schoolId: item.schoolId,
              levelOfNeed: item.levelOfNeed,
              receivedAt: new Date(item.receivedAt),
              returning: item.returning === true,
              status: 'listed',
              conflicts: [],
            })),
          );
        }
        await panels.update(
          { panelDate },
          { cutOff: new Date(event.data.cutOff), heldOver: event.data.heldOver, updatedAt },
        );
        return;
      }
      case 'PanelMemberAttended': {
        const row = await panel();
        const attendance = [
          ...row.attendance.filter((a) => a.userId !== event.data.member.userId),
          { ...event.data.member, present: true },
        ];
        await panels.update({ panelDate }, { attendance, updatedAt });
        return;
      }
      case 'PanelMemberLeft': {
        const row = await panel();
        const attendance = row.attendance.map((a) => (a.userId === event.data.memberId ? { ...a, present: false } : a));
        await panels.update({ panelDate }, { attendance, updatedAt });
        return;
      }
      case 'ConflictOfInterestDeclared': {
        const item = await items.findOneByOrFail({ panelDate, requestId: event.data.requestId });
        await items.update(
          { panelDate, requestId: item.requestId },
          { conflicts: [...item.conflicts, { memberId: event.data.memberId, nature: event.data.nature ?? null }] },
        );
        return;
      }
      case 'PanelDecisionRecorded': {
        const d = event.data;
        await items.update(
          { panelDate, requestId: d.requestId },
          {
            status: 'decided',
            outcome: d.decision.outcome,
            decision: d.decision,
            reason: d.reason ?? null,
            participants: d.participants,
            conflicted: d.conflicted,
            quorum: d.quorum,
            decidedAt: recorded.occurredAt,
          },
        );
        return;
      }
      case 'PanelMinutesRecorded':
        await panels.update(
          { panelDate },
          { minutes: event.data.minutes, minutesRecordedBy: event.data.recordedBy.userId, updatedAt },
        );
        return;
      case 'PanelClosed':
        if (event.data.carriedOver.length > 0) {
          await manager.query(
            `UPDATE read_models.mast_agenda_items SET status = 'carried-over' WHERE panel_date = $1 AND request_id = ANY($2)`,
            [panelDate, event.data.carriedOver],
          );
        }
        await panels.update(
          { panelDate },
          { status: 'closed', carriedOver: event.data.carriedOver, closedAt: recorded.occurredAt, updatedAt },
        );
        return;
    }
  },
};
