import type { EntityManager } from 'typeorm';
import type { FamilyRecordShown } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

/** The ledger's kind of a family view. */
export const FAMILY_VIEW = 'family-view';

const json = (value: unknown) => JSON.stringify(value ?? null);

const PURPOSES: Record<FamilyRecordShown['data']['view'], string> = {
  caf: 'Shown to the family on the platform: the family-held copy of the CAF',
  consents: 'Shown to the family on the platform: their consents',
  consent: 'Shown to the family on the platform: a consent, before withdrawing it',
  shared: 'Shown to the family on the platform: what was shared about the child',
};

/**
 * A family member's view of the child's record is a disclosure (DESIGN §6, ADR 024): to the
 * family account, on the family's right of access, asked for by the reader and shown by the
 * platform with no one's approval. Ledger id `family-view:<viewId>`.
 */
export async function familyViewDisclosed(recorded: RecordedEvent, manager: EntityManager): Promise<void> {
  const d = recorded.data as FamilyRecordShown['data'];
  await manager.query(
    `INSERT INTO read_models.disclosures (disclosure_id, kind, child_id, recipient_agency_id, recipient_user_id, items, channel, basis, disclosed_by, disclosed_at, purpose, family_told)
     VALUES ($1, $10, $2, 'family', $3, $4, 'platform', $5, $6, $7, $8, $9) ON CONFLICT (disclosure_id) DO NOTHING`,
    [
      `family-view:${d.viewId}`,
      d.childId,
      d.shownTo.userId,
      json(d.items),
      json(d.basis),
      json({ userId: d.shownTo.userId, role: d.shownTo.kind }),
      d.shownAt,
      PURPOSES[d.view],
      json({ informed: true, how: 'Shown to the family member who asked' }),
      FAMILY_VIEW,
    ],
  );
}
