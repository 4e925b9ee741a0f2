import type { EntityManager } from 'typeorm';
import type { ConcernReferredToSocialCare } from '@app/domain';
import type { ChildProtectionFileSent } from '@app/domain';
import type { SharingEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { subjectAccessResponseDisclosed } from '../subject-access/response-disclosed';
import { familyViewDisclosed } from '../family/family-view-disclosed';
import type { ErasureNoticeIssued } from '@app/domain';
import { CHILD_RECORD_ERASED, erasedChild } from '../erasure/forget';

const json = (value: unknown) => JSON.stringify(value ?? null);

/**
 * A correction of a child's record already disclosed somewhere: the notices it owes wait
 * here, written with this projection's checkpoint, until CorrectionNoticeWorker issues them.
 * Being in this projection, it always sees every disclosure that came before the correction.
 */
async function awaitNotices(recorded: RecordedEvent, manager: EntityManager): Promise<void> {
  const { childId, reason, ...corrected } = recorded.data as Record<string, unknown> & {
    childId: string;
    reason?: string;
  };
  const recordRef = `child-record:${childId}`;
  const [disclosed] = await manager.query(`SELECT 1 FROM read_models.disclosures WHERE items @> $1::jsonb LIMIT 1`, [
    json([{ recordRef }]),
  ]);
  if (!disclosed) return;
  await manager.query(
    `INSERT INTO read_models.pending_correction_notices (correction_id, record_ref, child_id, corrected, reason, actor, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (correction_id) DO NOTHING`,
    [
      recorded.eventId,
      recordRef,
      childId,
      json(corrected),
      reason ?? null,
      json(recorded.metadata.actor),
      recorded.metadata.correlationId ?? null,
    ],
  );
}

/**
 * A referral to children's social care is a disclosure (DESIGN §6): the summary, on the
 * categories the DSL named, went to social care on the referral's basis, approved by the DSL
 * who referred. Its ledger id is `referral:<concernId>`, which the referral message carries.
 */
async function referralDisclosed(recorded: RecordedEvent, manager: EntityManager): Promise<void> {
  const d = recorded.data as ConcernReferredToSocialCare['data'];
  const items = d.categories.map((category) => ({
    recordRef: `concern:${d.concernId}`,
    category,
    fields: ['summary', 'urgency'],
  }));
  await manager.query(
    `INSERT INTO read_models.disclosures (disclosure_id, kind, child_id, recipient_agency_id, items, channel, basis, disclosed_by, disclosed_at, purpose, approved_by, family_told)
     VALUES ($1, 'concern-referral', $2, 'social-care', $3, 'platform', $4, $5, $6, $7, $5, $8) ON CONFLICT (disclosure_id) DO NOTHING`,
    [
      `referral:${d.concernId}`,
      d.childId,
      json(items),
      json(d.basis),
      json(d.referredBy),
      d.referredAt,
      "Referral to children's social care",
      d.familyTold ? json(d.familyTold) : null,
    ],
  );
}

/** What of each record of a child-protection file goes: all of it, the school's own safeguarding record (KCSIE). */
const FILE_FIELDS: Record<string, readonly string[]> = {
  concern: ['seenOrHeard', 'raisedBy', 'review', 'referral', 'socialCareActs', 'reports'],
  sharing: ['purpose', 'recipient', 'basis', 'checklist', 'approval', 'outcome', 'reasons', 'disclosures'],
};

/**
 * A school move's child-protection file is a disclosure (DESIGN §6) to the new school, on
 * the statutory duty the event carries, sent by the old school's DSL; the ledger id is `child-protection-file:<moveId>`.
 */
async function childProtectionFileDisclosed(recorded: RecordedEvent, manager: EntityManager): Promise<void> {
  const d = recorded.data as ChildProtectionFileSent['data'];
  const items = d.records.map((recordRef) => ({
    recordRef,
    category: 'safeguarding',
    fields: FILE_FIELDS[recordRef.split(':')[0]] ?? [],
  }));
  await manager.query(
    `INSERT INTO read_models.disclosures (disclosure_id, kind, child_id, recipient_agency_id, items, channel, basis, disclosed_by, disclosed_at, purpose, approved_by)
     VALUES ($1, 'child-protection-file', $2, $3, $4, 'platform', $5, $6, $7, $8, $6) ON CONFLICT (disclosure_id) DO NOTHING`,
    [
      `child-protection-file:${d.moveId}`,
      d.childId,
      d.toSchoolId,
      json(items),
      json(d.basis),
      json(d.sentBy),
      d.sentAt,
      'Child-protection file sent to the new school on a school move',
    ],
  );
}

/** An agency that received the child's information was told of the erasure: its own list shows it. */
async function erasureNoticed(recorded: RecordedEvent, manager: EntityManager): Promise<void> {
  const d = recorded.data as ErasureNoticeIssued['data'];
  await manager.query(
    `INSERT INTO read_models.erasure_notices (notice_id, request_id, disclosure_id, child_id, recipient_agency_id, issued_by, issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (notice_id) DO NOTHING`,
    [d.noticeId, d.requestId, d.disclosureId, d.childId, d.recipientAgencyId, json(d.issuedBy), d.issuedAt],
  );
}

/**
 * The child's record is erased: the decisions keep who, when, to whom and on what basis
 * (the ledger must still answer for every disclosure), but lose their words; what each
 * agency received shows as erased, with no values; no correction is owed any more.
 */
async function forgetDisclosed(childId: string, erasedAt: Date, manager: EntityManager): Promise<void> {
  await manager.query(
    `UPDATE read_models.sharing_decisions SET purpose = NULL, approval_discussion = NULL, reasons = NULL, redactions = NULL, family_told = NULL, checklist = '[]'::jsonb WHERE child_id = $1`,
    [childId],
  );
  await manager.query(`UPDATE read_models.disclosures SET family_told = NULL WHERE child_id = $1`, [childId]);
  await manager.query(
    `UPDATE read_models.received_information SET field_values = '{}'::jsonb, erased_at = $2 WHERE child_id = $1`,
    [childId, erasedAt],
  );
  await manager.query(
    `UPDATE read_models.correction_notices SET corrected = '{}'::jsonb, reason = NULL WHERE child_id = $1`,
    [childId],
  );
  await manager.query(`DELETE FROM read_models.pending_correction_notices WHERE child_id = $1`, [childId]);
}

/**
 * Sharing decisions, every disclosure (under a decision, or a referral to social care), what
 * each agency received and the correction notices sent to it. One projection, so a notice is always applied after the disclosure it corrects.
 */
export const sharingProjection: Projection = {
  name: 'sharing',
  eventTypes: [
    'SharingProposed',
    'LawfulBasisRecorded',
    'SharingChecklistAnswered',
    'SharingApproved',
    'SharingDecided',
    'DisclosureMade',
    'CorrectionNoticeIssued',
    'ChildDetailsCorrected',
    'ConcernReferredToSocialCare',
    'ChildProtectionFileSent',
    'SubjectAccessResponseReleased',
    'FamilyRecordShown',
    'ErasureNoticeIssued',
    CHILD_RECORD_ERASED,
  ],
  tables: [
    'sharing_decisions',
    'disclosures',
    'received_information',
    'correction_notices',
    'pending_correction_notices',
    'erasure_notices',
  ],

  async apply(recorded: RecordedEvent, manager: EntityManager) {
    if (recorded.type === 'ChildDetailsCorrected') return awaitNotices(recorded, manager);
    if (recorded.type === 'ConcernReferredToSocialCare') return referralDisclosed(recorded, manager);
    if (recorded.type === 'ChildProtectionFileSent') return childProtectionFileDisclosed(recorded, manager);
    if (recorded.type === 'SubjectAccessResponseReleased') return subjectAccessResponseDisclosed(recorded, manager);
    if (recorded.type === 'FamilyRecordShown') return familyViewDisclosed(recorded, manager);
    if (recorded.type === 'ErasureNoticeIssued') return erasureNoticed(recorded, manager);
    if (recorded.type === CHILD_RECORD_ERASED)
      return forgetDisclosed(erasedChild(recorded), recorded.occurredAt, manager);
    const event = { type: recorded.type, data: recorded.data } as unknown as SharingEvent;
    const revision = recorded.revision.toString();
    const update = (set: string, values: unknown[]) =>
      manager.query(`UPDATE read_models.sharing_decisions SET ${set}, revision = $2 WHERE sharing_id = $1`, [
        event.data.sharingId,
        revision,
        ...values,
      ]);
    switch (event.type) {
      case 'SharingProposed': {
        const d = event.data;
        await manager.query(
          `INSERT INTO read_models.sharing_decisions
             (sharing_id, child_id, origin, asked_by, proposed_by, purpose, recipient_agency_id, recipient_user_id, categories, proposed_at, revision)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (sharing_id) DO NOTHING`,
          [
            d.sharingId,
            d.childId,
            d.origin,
            json(d.askedBy),
            json(d.proposedBy),
            d.purpose ?? null,
            d.recipient.agencyId,
            d.recipient.userId ?? null,
            d.categories,
            d.proposedAt,
            revision,
          ],
        );
        return;
      }
      case 'LawfulBasisRecorded':
        await update('basis = $3', [json(event.data.basis)]);
        return;
      case 'SharingChecklistAnswered':
        await update(`checklist = checklist || $3::jsonb`, [json(event.data.answers ?? [])]);
        return;
      case 'SharingApproved':
        await update('approved_by = $3, approval_discussion = $4, approved_at = $5', [
          json(event.data.approvedBy),
          event.data.discussion ?? null,
          event.data.approvedAt,
        ]);
        return;
      case 'SharingDecided': {
        const d = event.data;
        await update(
          'outcome = $3, items = $4, reasons = $5, redactions = $6, family_told = $7, valid_until = $8, decided_by = $9, decided_at = $10, basis = COALESCE($11::jsonb, basis)',
          [
            d.outcome,
            json(d.items),
            d.reasons ?? null,
            json(d.redactions),
            json(d.familyTold),
            d.validUntil,
            json(d.decidedBy),
            d.decidedAt,
            d.basis ? json(d.basis) : null,
          ],
        );
        return;
      }
      case 'DisclosureMade': {
        const d = event.data;
        await manager.query(
          `INSERT INTO read_models.disclosures (disclosure_id, sharing_id, child_id, recipient_agency_id, recipient_user_id, items, channel, basis, disclosed_by, disclosed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (disclosure_id) DO NOTHING`,
          [
            d.disclosureId,
            d.sharingId,
            d.childId,
            d.recipient.agencyId,
            d.recipient.userId ?? null,
            json(d.items),
            d.channel,
            json(d.basis),
            json(d.disclosedBy),
            d.disclosedAt,
          ],
        );
        // Erased content (crypto-shredded) arrives without its values: nothing to show.
        for (const item of Array.isArray(d.content) ? d.content : []) {
          await manager.query(
            `INSERT INTO read_models.received_information (disclosure_id, record_ref, child_id, recipient_agency_id, recipient_user_id, category, field_values, received_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
            [
              d.disclosureId,
              item.recordRef,
              d.childId,
              d.recipient.agencyId,
              d.recipient.userId ?? null,
              item.category,
              json(item.values),
              d.disclosedAt,
            ],
          );
        }
        return;
      }
      case 'CorrectionNoticeIssued': {
        const d = event.data;
        await manager.query(
          `INSERT INTO read_models.correction_notices (notice_id, disclosure_id, sharing_id, child_id, recipient_agency_id, recipient_user_id, record_ref, category, corrected, reason, issued_by, issued_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (notice_id) DO NOTHING`,
          [
            d.noticeId,
            d.disclosureId,
            d.sharingId,
            d.childId,
            d.recipient.agencyId,
            d.recipient.userId ?? null,
            d.recordRef,
            d.category,
            json(d.corrected),
            d.reason ?? null,
            json(d.issuedBy),
            d.issuedAt,
          ],
        );
        // The recipient's copy shows the corrected values from now on.
        await manager.query(
          `UPDATE read_models.received_information SET field_values = field_values || $3::jsonb, corrected_at = $4 WHERE disclosure_id = $1 AND record_ref = $2`,
          [d.disclosureId, d.recordRef, json(d.corrected), d.issuedAt],
        );
        return;
      }
    }
  },
};
