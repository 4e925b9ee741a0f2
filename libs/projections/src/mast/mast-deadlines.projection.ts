import type { EntityManager } from 'typeorm';
import type { MastRequestEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild, nullColumns } from '../erasure/forget';
import { MastDeadlineRow } from './mast-deadline-row.entity';

const asDomain = (event: RecordedEvent) => ({ type: event.type, data: event.data }) as unknown as MastRequestEvent;

/**
 * The response and first-contact clocks with their owners: due, met (on which working
 * day), breached with the reason. Whether an open clock is overdue depends on today,
 * so the query decides that, not this projection.
 */
export const mastDeadlinesProjection: Projection = {
  name: 'mast-deadlines',
  eventTypes: [
    'MastRequestDecided',
    'ResponseSentToSchool',
    'FirstContactMade',
    'MastDeadlineBreached',
    CHILD_RECORD_ERASED,
  ],
  tables: ['mast_deadlines'],

  async apply(recorded: RecordedEvent, manager: EntityManager) {
    // A breach's reason may speak about the family; that the clock was breached stays.
    if (recorded.type === CHILD_RECORD_ERASED)
      return nullColumns(manager, 'mast_deadlines', ['breach_reason'], erasedChild(recorded));
    const repository = manager.getRepository(MastDeadlineRow);
    const event = asDomain(recorded);
    switch (event.type) {
      case 'MastRequestDecided': {
        const d = event.data;
        const clocks: Array<Partial<MastDeadlineRow>> = [
          {
            requestId: d.requestId,
            deadline: 'response',
            startedOn: d.panelDate,
            childId: d.childId,
            dueBy: d.responseDueBy,
            ownerUserId: d.responseOwner.userId,
            ownerAgencyId: d.responseOwner.agencyId,
            ownerRole: d.responseOwner.role,
          },
        ];
        if (d.decision.outcome === 'accept-allocate' && d.firstContactDueBy) {
          const { workerId, kind } = d.decision.allocation;
          clocks.push({
            requestId: d.requestId,
            deadline: 'first-contact',
            startedOn: d.panelDate,
            childId: d.childId,
            dueBy: d.firstContactDueBy,
            ownerUserId: workerId,
            ownerAgencyId: 'mast',
            ownerRole: kind === 'key-worker' ? 'key-worker' : 'learning-mentor',
          });
        }
        await repository.upsert(clocks, ['requestId', 'deadline', 'startedOn']);
        return;
      }
      case 'ResponseSentToSchool':
        await repository.update(
          { requestId: event.data.requestId, deadline: 'response', startedOn: event.data.panelDate },
          { metOn: event.data.sentOn, metOnWorkingDay: event.data.workingDay },
        );
        return;
      case 'FirstContactMade':
        await repository.update(
          { requestId: event.data.requestId, deadline: 'first-contact' },
          { metOn: event.data.contactOn, metOnWorkingDay: event.data.workingDay },
        );
        return;
      case 'MastDeadlineBreached':
        await repository.update(
          { requestId: event.data.requestId, deadline: event.data.deadline, dueBy: event.data.dueBy },
          { breached: true, breachReason: event.data.reason ?? null, breachRecordedOn: event.data.recordedOn },
        );
        return;
    }
  },
};
