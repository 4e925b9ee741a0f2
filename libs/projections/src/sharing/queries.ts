import type { EntityManager } from 'typeorm';

/**
 * Reads of lawful sharing: a decision, the disclosure audit (per child, per agency, without
 * consent, subject access) and what an agency received. Columns come back in camelCase.
 */

const DECISION = `
  sharing_id AS "sharingId", child_id AS "childId", origin, asked_by AS "askedBy", proposed_by AS "proposedBy", purpose,
  recipient_agency_id AS "recipientAgencyId", recipient_user_id AS "recipientUserId", categories, basis, checklist,
  approved_by AS "approvedBy", approval_discussion AS "approvalDiscussion", approved_at AS "approvedAt", outcome, items, reasons,
  redactions, family_told AS "familyTold", valid_until::text AS "validUntil", decided_by AS "decidedBy", decided_at AS "decidedAt",
  proposed_at AS "proposedAt", revision`;

const DISCLOSURE = `
  d.disclosure_id AS "disclosureId", d.sharing_id AS "sharingId", d.child_id AS "childId", d.recipient_agency_id AS "recipientAgencyId",
  d.recipient_user_id AS "recipientUserId", d.items, d.channel, d.basis, d.disclosed_by AS "disclosedBy", d.disclosed_at AS "disclosedAt",
  s.purpose, s.reasons, s.approved_by AS "approvedBy", s.approval_discussion AS "approvalDiscussion", s.family_told AS "familyTold",
  s.outcome, s.decided_by AS "decidedBy",
  COALESCE((SELECT jsonb_agg(jsonb_build_object('noticeId', n.notice_id, 'recordRef', n.record_ref, 'corrected', n.corrected, 'reason', n.reason, 'issuedAt', n.issued_at) ORDER BY n.issued_at)
              FROM read_models.correction_notices n WHERE n.disclosure_id = d.disclosure_id), '[]') AS "correctionNotices"`;

export async function sharingDecision(manager: EntityManager, sharingId: string): Promise<Record<string, unknown> | null> {
  const [row] = await manager.query(`SELECT ${DECISION} FROM read_models.sharing_decisions WHERE sharing_id = $1`, [sharingId]);
  return row ?? null;
}

/** Per child: every disclosure with its basis, approval, recipient and whether the family was told (or why not). */
export function disclosuresOfChild(manager: EntityManager, childId: string): Promise<Array<Record<string, unknown>>> {
  return manager.query(
    `SELECT ${DISCLOSURE} FROM read_models.disclosures d JOIN read_models.sharing_decisions s USING (sharing_id) WHERE d.child_id = $1 ORDER BY d.disclosed_at, d.disclosure_id`,
    [childId],
  );
}

/** Per child: every decision, including the decisions not to share, recorded like the others. */
export function decisionsOfChild(manager: EntityManager, childId: string): Promise<Array<Record<string, unknown>>> {
  return manager.query(`SELECT ${DECISION} FROM read_models.sharing_decisions WHERE child_id = $1 ORDER BY proposed_at, sharing_id`, [childId]);
}

/** Per agency: everything it received, oldest first. */
export function disclosuresToAgency(manager: EntityManager, agencyId: string): Promise<Array<Record<string, unknown>>> {
  return manager.query(
    `SELECT ${DISCLOSURE} FROM read_models.disclosures d JOIN read_models.sharing_decisions s USING (sharing_id) WHERE d.recipient_agency_id = $1 ORDER BY d.disclosed_at, d.disclosure_id`,
    [agencyId],
  );
}

/** Every disclosure made without consent, on a Box 13 ground. */
export function disclosuresWithoutConsent(manager: EntityManager): Promise<Array<Record<string, unknown>>> {
  return manager.query(
    `SELECT ${DISCLOSURE} FROM read_models.disclosures d JOIN read_models.sharing_decisions s USING (sharing_id) WHERE d.basis->>'kind' = 'without-consent' ORDER BY d.disclosed_at, d.disclosure_id`,
  );
}

/** What an agency holds about children because it was disclosed to it, with any corrections applied: nothing else. */
export function receivedInformation(manager: EntityManager, agencyId: string, childId?: string): Promise<Array<Record<string, unknown>>> {
  return manager.query(
    `SELECT disclosure_id AS "disclosureId", record_ref AS "recordRef", child_id AS "childId", recipient_user_id AS "recipientUserId", category,
            field_values AS "values", received_at AS "receivedAt", corrected_at AS "correctedAt"
       FROM read_models.received_information
      WHERE recipient_agency_id = $1 AND ($2::text IS NULL OR child_id = $2)
      ORDER BY received_at, disclosure_id, record_ref`,
    [agencyId, childId ?? null],
  );
}

export function correctionNoticesTo(manager: EntityManager, agencyId: string): Promise<Array<Record<string, unknown>>> {
  return manager.query(
    `SELECT notice_id AS "noticeId", disclosure_id AS "disclosureId", child_id AS "childId", recipient_user_id AS "recipientUserId", record_ref AS "recordRef",
            category, corrected, reason, issued_by AS "issuedBy", issued_at AS "issuedAt"
       FROM read_models.correction_notices WHERE recipient_agency_id = $1 ORDER BY issued_at, notice_id`,
    [agencyId],
  );
}

/** Disclosures that carried a record: whom to tell when it is corrected. */
export async function sharingsThatDisclosed(manager: EntityManager, recordRef: string): Promise<string[]> {
  const rows: Array<{ sharing_id: string }> = await manager.query(
    `SELECT DISTINCT sharing_id FROM read_models.disclosures WHERE items @> $1::jsonb ORDER BY sharing_id`,
    [JSON.stringify([{ recordRef }])],
  );
  return rows.map((r) => r.sharing_id);
}
