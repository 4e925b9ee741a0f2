import type { EntityManager } from 'typeorm';
import { type DisclosableRecord, isDisclosableRecord } from '@app/domain';

/**
 * The records a disclosure may name, as `kind:id`, one per kind of the domain's field
 * catalogue, which gives each field its category. The values come from the platform's own
 * read models, never from the request, and only for the child the decision is about.
 */
const RECORDS: Readonly<Record<DisclosableRecord, { readonly sql: string }>> = {
  'child-record': {
    sql: `SELECT child_id AS "childId", given_name AS "givenName", family_name AS "familyName", date_of_birth::text AS "dateOfBirth",
                 upn, school_id AS "schoolId", year_group AS "yearGroup", flags
            FROM read_models.child_records WHERE child_id::text = $1`,
  },
  'mentor-case': {
    sql: `SELECT child_id AS "childId", reasons, attendance_at_referral AS "attendanceAtReferral", behaviour_at_referral AS "behaviourAtReferral",
                 exclusions_at_referral AS "exclusionsAtReferral", sessions_attended AS "sessionsAttended", sessions_missed AS "sessionsMissed",
                 stage, mentor_id AS "mentorId"
            FROM read_models.mentor_cases WHERE referral_id = $1`,
  },
  'caf-contribution': {
    sql: `SELECT c.child_id AS "childId", x.domain, x.element, x.text, x.recorded_on::text AS "recordedOn", x.contributor_agency_id AS "contributorAgencyId"
            FROM read_models.caf_contributions x JOIN read_models.caf_cases c USING (caf_id) WHERE x.contribution_id = $1`,
  },
  'mast-request': {
    sql: `SELECT child_id AS "childId", parents_involved AS "parentsInvolved", needs, already_tried AS "alreadyTried", level_of_need AS "levelOfNeed", status FROM read_models.mast_requests WHERE request_id = $1`,
  },
};

/** The values of each named record of this child; a record unknown or of another child is simply absent. */
export async function disclosableValues(
  manager: EntityManager,
  childId: string,
  recordRefs: readonly string[],
): Promise<Record<string, Record<string, unknown>>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const ref of new Set(recordRefs)) {
    const [kind, ...rest] = String(ref).split(':');
    if (!isDisclosableRecord(kind) || rest.length === 0) continue;
    const record = RECORDS[kind];
    const [row] = await manager.query(record.sql, [rest.join(':')]);
    if (!row || String(row.childId) !== childId) continue;
    const { childId: _child, ...fields } = row;
    values[ref] = fields;
  }
  return values;
}

/** The records of this child a disclosure may name, as `kind:id` by kind (a CAF's contributions are named one by one, by the CAF's own pages). */
export async function disclosableRecordsOf(
  manager: EntityManager,
  childId: string,
): Promise<Array<{ kind: DisclosableRecord; recordRef: string }>> {
  const ids = async (sql: string) => ((await manager.query(sql, [childId])) as Array<{ id: string }>).map((r) => r.id);
  const [children, cases, requests] = await Promise.all([
    ids(`SELECT child_id AS id FROM read_models.child_records WHERE child_id = $1`),
    ids(`SELECT referral_id AS id FROM read_models.mentor_cases WHERE child_id = $1 ORDER BY referral_id`),
    ids(`SELECT request_id AS id FROM read_models.mast_requests WHERE child_id = $1 ORDER BY request_id`),
  ]);
  const named = (kind: DisclosableRecord, list: string[]) => list.map((id) => ({ kind, recordRef: `${kind}:${id}` }));
  return [...named('child-record', children), ...named('mentor-case', cases), ...named('mast-request', requests)];
}
