import type { EntityManager } from 'typeorm';
import type { CafEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild } from '../erasure/forget';
import { CafFamilyCopy } from './caf-family-copy.entity';
import { applyToFamilyCopy, erasedFamilyCopy } from './family-copy';

/** The family-held copy of each CAF, only what the family may see. */
export const cafFamilyCopiesProjection: Projection = {
  name: 'caf-family-copies',
  eventTypes: [
    'CafStarted',
    'CafContributionRecorded',
    'CafViewsRecorded',
    'CafCompleted',
    'TeamAroundTheChildMeetingHeld',
    'LeadProfessionalAppointed',
    'LeadProfessionalHandedOver',
    'IntegratedPlanActionAgreed',
    'IntegratedPlanActionUpdated',
    'CafReviewed',
    'CafClosed',
    CHILD_RECORD_ERASED,
  ],
  tables: ['caf_family_copies'],

  async apply(recorded: RecordedEvent, manager: EntityManager) {
    if (recorded.type === CHILD_RECORD_ERASED) {
      const copies = manager.getRepository(CafFamilyCopy);
      for (const row of await copies.findBy({ childId: erasedChild(recorded) })) {
        await copies.update(
          { cafId: row.cafId },
          { document: erasedFamilyCopy(row.document), updatedAt: recorded.occurredAt },
        );
      }
      return;
    }
    const event = { type: recorded.type, data: recorded.data } as unknown as CafEvent;
    const repository = manager.getRepository(CafFamilyCopy);
    const row = await repository.findOneBy({ cafId: event.data.cafId });
    const document = applyToFamilyCopy(row?.document ?? null, event);
    if (!document) return;
    await repository.upsert(
      { cafId: event.data.cafId, childId: event.data.childId, document, updatedAt: recorded.occurredAt },
      ['cafId'],
    );
  },
};
