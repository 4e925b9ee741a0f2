import type { EntityManager } from 'typeorm';
import type { FamilyEvent } from '@app/domain/family/events';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import type { Projection } from '../projection';
import { FamilyLinkRow } from './family-link.entity';

type Data<T extends FamilyEvent['type']> = Extract<FamilyEvent, { type: T }>['data'];

/** Which family accounts are linked to which child: the relationship the access policy reads. */
export const familyLinksProjection: Projection = {
  name: 'family-links',
  eventTypes: ['FamilyMemberLinked', 'FamilyMemberUnlinked'],
  tables: ['family_links'],

  async apply(event: RecordedEvent, manager: EntityManager) {
    const repository = manager.getRepository(FamilyLinkRow);
    if (event.type === 'FamilyMemberLinked') {
      const data = event.data as unknown as Data<'FamilyMemberLinked'>;
      await repository.upsert(
        {
          linkId: data.linkId,
          childId: data.childId,
          userId: data.userId,
          kind: data.kind,
          relationship: data.relationship ?? null,
          evidence: data.evidence ?? null,
          linkedOn: data.linkedOn,
          linkedBy: data.linkedBy.userId,
          sequence: event.revision.toString(),
        },
        ['linkId'],
      );
    } else if (event.type === 'FamilyMemberUnlinked') {
      const data = event.data as unknown as Data<'FamilyMemberUnlinked'>;
      await repository.update({ linkId: data.linkId }, { unlinkedOn: data.unlinkedOn, unlinkReason: data.reason ?? null, unlinkedBy: data.unlinkedBy.userId });
    }
  },
};
