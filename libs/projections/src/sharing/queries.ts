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

/**
 * The disclosure ledger (ADR 010): every disclosure the platform made (under a sharing
 * decision, or a referral to social care), each with the integration messages that carried
 * it, then every message sent on its own (MAST requests and decisions, consent withdrawals).
 */
const DISCLOSURE = `
  d.disclosure_id AS "disclosureId", d.kind, d.sharing_id AS "sharingId", d.child_id AS "childId", d.recipient_agency_id AS "recipientAgencyId",
  d.recipient_user_id AS "recipientUserId", d.items, d.channel, d.basis, d.disclosed_by AS "disclosedBy", d.disclosed_at AS "disclosedAt",
  COALESCE(d.purpose, s.purpose) AS purpose, s.reasons, COALESCE(d.approved_by, s.approved_by) AS "approvedBy", s.approval_discussion AS "approvalDiscussion",
  COALESCE(d.family_told, s.family_told) AS "familyTold", s.outcome, s.decided_by AS "decidedBy",
  COALESCE((SELECT jsonb_agg(jsonb_build_object('noticeId', n.notice_id, 'recordRef', n.record_ref, 'corrected', n.corrected, 'reason', n.reason, 'issuedAt', n.issued_at) ORDER BY n.issued_at)
              FROM read_models.correction_notices n WHERE n.disclosure_id = d.disclosure_id), '[]') AS "correctionNotices",
  COALESCE((SELECT jsonb_agg(jsonb_build_object('topic', m.topic, 'recipient', m.recipient, 'basis', m.basis, 'fields', m.fields, 'sentAt', m.sent_at) ORDER BY m.outbox_id)
              FROM integration.sent_messages m WHERE m.carries = d.disclosure_id), '[]') AS messages`;

const MESSAGE = `
  'message:' || m.outbox_id AS "disclosureId", 'integration-message' AS kind, m.child_id AS "childId", m.recipient AS "recipientAgencyId",
  jsonb_build_array(jsonb_build_object('recordRef', m.topic, 'category', NULL, 'fields', to_jsonb(m.fields))) AS items, 'kafka' AS channel, m.basis,
  m.sent_at AS "disclosedAt", jsonb_build_array(jsonb_build_object('topic', m.topic, 'recipient', m.recipient, 'basis', m.basis, 'fields', m.fields, 'sentAt', m.sent_at)) AS messages`;

type Entry = Record<string, unknown> & { disclosedAt: Date; disclosureId: string };

async function ledger(
  manager: EntityManager,
  where: { disclosures: string; messages: string },
  parameters: unknown[],
): Promise<Entry[]> {
  const disclosures: Entry[] = await manager.query(
    `SELECT ${DISCLOSURE} FROM read_models.disclosures d LEFT JOIN read_models.sharing_decisions s USING (sharing_id) WHERE ${where.disclosures}`,
    parameters,
  );
  const messages: Entry[] = await manager.query(
    `SELECT ${MESSAGE} FROM integration.sent_messages m WHERE m.carries IS NULL AND ${where.messages}`,
    parameters,
  );
  return [...disclosures, ...messages].sort(
    (a, b) =>
      a.disclosedAt.getTime() - b.disclosedAt.getTime() ||
      (a.disclosureId < b.disclosureId ? -1 : a.disclosureId > b.disclosureId ? 1 : 0),
  );
}

export async function sharingDecision(
  manager: EntityManager,
  sharingId: string,
): Promise<Record<string, unknown> | null> {
  const [row] = await manager.query(`SELECT ${DECISION} FROM read_models.sharing_decisions WHERE sharing_id = $1`, [
    sharingId,
  ]);
  return row ?? null;
}

/** Per child: every disclosure with its basis, approval, recipient and whether the family was told (or why not). */
export function disclosuresOfChild(manager: EntityManager, childId: string): Promise<Entry[]> {
  return ledger(manager, { disclosures: 'd.child_id = $1', messages: 'm.child_id = $1' }, [childId]);
}

/** Per child: every decision, including the decisions not to share, recorded like the others. */
export function decisionsOfChild(manager: EntityManager, childId: string): Promise<Array<Record<string, unknown>>> {
  return manager.query(
    `SELECT ${DECISION} FROM read_models.sharing_decisions WHERE child_id = $1 ORDER BY proposed_at, sharing_id`,
    [childId],
  );
}

/** Per agency: everything it received, oldest first. */
export function disclosuresToAgency(manager: EntityManager, agencyId: string): Promise<Entry[]> {
  return ledger(manager, { disclosures: 'd.recipient_agency_id = $1', messages: 'm.recipient = $1' }, [agencyId]);
}

/** Every disclosure made without consent, on a Box 13 ground. */
export function disclosuresWithoutConsent(manager: EntityManager): Promise<Entry[]> {
  const withoutConsent = (alias: string) => `${alias}.basis->>'kind' = 'without-consent'`;
  return ledger(manager, { disclosures: withoutConsent('d'), messages: withoutConsent('m') }, []);
}

/** The whole ledger, oldest first: the dpo's disclosures by basis and agency by month. */
export function allDisclosures(manager: EntityManager): Promise<Entry[]> {
  return ledger(manager, { disclosures: 'true', messages: 'true' }, []);
}

/** What an agency holds about children because it was disclosed to it, with any corrections applied (and no values once erased): nothing else. */
export function receivedInformation(
  manager: EntityManager,
  agencyId: string,
  childId?: string,
): Promise<Array<Record<string, unknown>>> {
  return manager.query(
    `SELECT disclosure_id AS "disclosureId", record_ref AS "recordRef", child_id AS "childId", recipient_user_id AS "recipientUserId", category,
            field_values AS "values", received_at AS "receivedAt", corrected_at AS "correctedAt", erased_at AS "erasedAt"
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

/** The notices telling an agency that a child's record it received from was erased. */
export function erasureNoticesTo(manager: EntityManager, agencyId: string): Promise<Array<Record<string, unknown>>> {
  return manager.query(
    `SELECT notice_id AS "noticeId", request_id AS "requestId", disclosure_id AS "disclosureId", child_id AS "childId", issued_by AS "issuedBy", issued_at AS "issuedAt"
       FROM read_models.erasure_notices WHERE recipient_agency_id = $1 ORDER BY issued_at, notice_id`,
    [agencyId],
  );
}

/** Every disclosure of the child's information, by whom it went to: whom to tell when the record is erased. */
export function recipientsOfChild(
  manager: EntityManager,
  childId: string,
): Promise<Array<{ disclosureId: string; agencyId: string }>> {
  return manager.query(
    `SELECT disclosure_id AS "disclosureId", recipient_agency_id AS "agencyId" FROM read_models.disclosures WHERE child_id = $1 ORDER BY disclosed_at, disclosure_id`,
    [childId],
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

/**
 * The approval inbox of a school's DSL or head teacher: proposals about its children to share
 * without consent, not yet approved or decided, that the approver did not propose (the
 * proposer never approves their own, 1d).
 */
export function sharingAwaitingApproval(
  manager: EntityManager,
  schoolId: string,
  approverId: string,
): Promise<Array<Record<string, unknown>>> {
  return manager.query(
    `SELECT s.sharing_id AS "sharingId", s.child_id AS "childId", r.given_name AS "givenName", r.family_name AS "familyName", s.purpose,
            s.recipient_agency_id AS "recipientAgencyId", s.recipient_user_id AS "recipientUserId", s.categories, s.basis, s.proposed_by AS "proposedBy", s.proposed_at AS "proposedAt"
       FROM read_models.sharing_decisions s JOIN read_models.child_records r ON r.child_id = s.child_id
      WHERE r.school_id = $1 AND s.basis->>'kind' = 'without-consent' AND s.approved_by IS NULL AND s.outcome IS NULL AND s.proposed_by->>'userId' <> $2
      ORDER BY s.proposed_at, s.sharing_id`,
    [schoolId, approverId],
  );
}
