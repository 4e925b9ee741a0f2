import type { EntityManager } from 'typeorm';
import type { MastRequestEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild } from '../erasure/forget';
import { MastRequestRow } from './mast-request-row.entity';

const asDomain = (event: RecordedEvent) => ({ type: event.type, data: event.data }) as unknown as MastRequestEvent;

/** Requests for MAST involvement as they stand: listing, decision, allocation, first contact. */
export const mastRequestsProjection: Projection = {
  name: 'mast-requests',
  eventTypes: [
    'MastRequestMade',
    'MastRequestListed',
    'MastRequestDecided',
    'FirstContactMade',
    'MastInvolvementEnded',
    CHILD_RECORD_ERASED,
  ],
  tables: ['mast_requests'],

  async apply(recorded: RecordedEvent, manager: EntityManager) {
    const repository = manager.getRepository(MastRequestRow);
    if (recorded.type === CHILD_RECORD_ERASED) {
      await repository.update(
        { childId: erasedChild(recorded) },
        { parentsInvolved: null, needs: null, alreadyTried: null, decisionReason: null, erased: true },
      );
      return;
    }
    const event = asDomain(recorded);
    const common = { revision: recorded.revision.toString(), updatedAt: recorded.occurredAt };
    switch (event.type) {
      case 'MastRequestMade': {
        const d = event.data;
        await repository.upsert(
          {
            requestId: d.requestId,
            childId: d.childId,
            schoolId: d.schoolId,
            requestedBy: d.requestedBy.userId,
            parentsInvolved: d.parentsInvolved ?? null,
            needs: d.needs ?? null,
            alreadyTried: d.alreadyTried ?? null,
            levelOfNeed: d.levelOfNeed,
            consentId: d.consentId,
            receivedAt: new Date(d.receivedAt),
            status: 'received',
            erased: (recorded.erasedFields ?? []).length > 0,
            ...common,
          },
          ['requestId'],
        );
        return;
      }
      case 'MastRequestListed':
        await repository.update(
          { requestId: event.data.requestId },
          { status: 'listed', panelDate: event.data.panelDate, ...common },
        );
        return;
      case 'MastRequestDecided': {
        const { decision, panelDate, reason, requestId } = event.data;
        const allocation = decision.outcome === 'accept-allocate' ? decision.allocation : undefined;
        const status = decision.outcome === 'defer' ? 'deferred' : allocation ? 'allocated' : 'decided';
        await repository.update(
          { requestId },
          {
            status,
            panelDate,
            outcome: decision.outcome,
            decision: decision,
            decisionReason: reason ?? null,
            decidedOn: panelDate,
            ...(allocation ? { workerId: allocation.workerId, workerKind: allocation.kind } : {}),
            ...common,
          },
        );
        return;
      }
      case 'FirstContactMade':
        await repository.update(
          { requestId: event.data.requestId },
          { firstContactOn: event.data.contactOn, ...common },
        );
        return;
      case 'MastInvolvementEnded':
        await repository.update(
          { requestId: event.data.requestId },
          { status: 'ended', endedOn: event.data.endedOn, ...common },
        );
        return;
    }
  },
};
