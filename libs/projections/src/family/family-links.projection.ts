import type { EntityManager } from 'typeorm';
import type { FamilyEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild, nullColumns } from '../erasure/forget';
import { FamilyLinkRow } from './family-link.entity';

type Data<T extends FamilyEvent['type']> = Extract<FamilyEvent, { type: T }>['data'];

/** Which family accounts are linked to which child: the relationship the access policy reads. */
export const familyLinksProjection: Projection = {
  name: 'family-links',
  eventTypes: ['FamilyMemberLinked', 'FamilyMemberUnlinked', CHILD_RECORD_ERASED],
  tables: ['family_links'],

  async apply(event: RecordedEvent, manager: EntityManager) {
    // The evidence of the relationship and the reason for unlinking go; who is linked stays (the policy still reads it).
    if (event.type === CHILD_RECORD_ERASED)
      return nullColumns(manager, 'family_links', ['evidence', 'unlink_reason'], erasedChild(event));
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
      await repository.update(
        { linkId: data.linkId },
        { unlinkedOn: data.unlinkedOn, unlinkReason: data.reason ?? null, unlinkedBy: data.unlinkedBy.userId },
      );
    }
  },
};
