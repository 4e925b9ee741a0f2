import type { EntityManager } from 'typeorm';
import type { SubjectAccessResponseReleased } from '@app/domain';
import type { PackSection } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

/** Who the ledger names as recipient of a response pack: the requester, a person and not an agency of the directory. */
export const SUBJECT_ACCESS_REQUESTER = 'subject-access-requester';

/** The parts of the pack, named as the subject-access report names them. */
const SECTION_NAMES: Record<PackSection, string> = {
  disclosure: 'disclosures',
  'decision-not-to-share': 'decisionsNotToShare',
  'list-naming-child': 'listsNamingChild',
};

const json = (value: unknown) => JSON.stringify(value ?? null);

/**
 * A response to a subject-access request is a disclosure (DESIGN §6): the family's copy of the
 * subject-access report went to the requester, on the right of access, released by the dpo.
 * The sharing projection writes it into the ledger, so the ledger keeps every disclosure in
 * one table; the digest of each item is on the request (the dpo's queue).
 */
export async function subjectAccessResponseDisclosed(recorded: RecordedEvent, manager: EntityManager): Promise<void> {
  const d = recorded.data as SubjectAccessResponseReleased['data'];
  const sections = [...new Set(d.sent.items.map((i) => SECTION_NAMES[i.section]))];
  const items = [{ recordRef: `subject-access-request:${d.requestId}`, category: null, fields: sections }];
  await manager.query(
    `INSERT INTO read_models.disclosures (disclosure_id, kind, child_id, recipient_agency_id, items, channel, basis, disclosed_by, disclosed_at, purpose, approved_by, family_told)
     VALUES ($1, 'subject-access-response', $2, $3, $4, $5, $6, $7, $8, $9, $7, $10) ON CONFLICT (disclosure_id) DO NOTHING`,
    [
      d.disclosureId,
      d.childId,
      SUBJECT_ACCESS_REQUESTER,
      json(items),
      d.channel,
      json(d.basis),
      json(d.releasedBy),
      d.releasedAt,
      `Response to a subject-access request (${d.basis.law})`,
      json({ informed: true, how: 'The response itself was sent to the person who asked' }),
    ],
  );
}
