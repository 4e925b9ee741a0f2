import type { EntityManager } from 'typeorm';
import type { RecordClass } from '@app/domain';

/** One record the platform holds about a child, with what its retention period runs from. */
export interface RecordHeld {
  readonly childId: string;
  readonly recordRef: string;
  readonly recordClass: RecordClass;
  readonly dateOfBirth: string | null;
  /** The day the record closed; null while it is open (its period has not started). */
  readonly closedOn: string | null;
}

/**
 * Every record of every child still held and not already waiting on the dpo (listed, kept
 * beyond today, erased): one row per record, by class. Read-only over the feature read models.
 */
export function recordsHeld(manager: EntityManager, today: string): Promise<RecordHeld[]> {
  return manager.query(
    `WITH children AS (
       SELECT c.child_id, c.date_of_birth::text AS dob FROM read_models.child_records c
         LEFT JOIN read_models.retention_reviews r ON r.child_id = c.child_id
        WHERE NOT c.erased AND (r.child_id IS NULL OR r.status NOT IN ('due', 'disposed', 'erased')) AND (r.kept_until IS NULL OR r.kept_until <= $1::date))
     SELECT child_id AS "childId", 'child-record:' || child_id AS "recordRef", 'pupil-record' AS "recordClass", dob AS "dateOfBirth", NULL AS "closedOn" FROM children
     UNION ALL
     SELECT DISTINCT k.child_id, 'child-protection-file:' || k.child_id, 'child-protection-file', k.dob, NULL FROM children k JOIN read_models.concerns x ON x.child_id = k.child_id
     UNION ALL
     SELECT k.child_id, 'mentor-case:' || m.referral_id, 'mentoring-case', k.dob, m.closed_on::text FROM children k JOIN read_models.mentor_cases m ON m.child_id = k.child_id
     UNION ALL
     SELECT k.child_id, 'caf:' || f.caf_id, 'caf', k.dob, f.closed_on::text FROM children k JOIN read_models.caf_cases f ON f.child_id = k.child_id
     UNION ALL
     -- A request ends when MAST involvement ends, or with a decision that allocates no one.
     SELECT k.child_id, 'mast-request:' || q.request_id, 'mast-request', k.dob,
            COALESCE(q.ended_on, CASE WHEN q.status = 'decided' THEN q.decided_on END)::text
       FROM children k JOIN read_models.mast_requests q ON q.child_id = k.child_id
     UNION ALL
     -- A consent closes when withdrawn, when it expires, or (refused) on the day it was refused.
     SELECT k.child_id, 'consent:' || s.consent_id, 'consent', k.dob,
            COALESCE(s.withdrawn_at::date, s.expires_on, CASE WHEN s.kind = 'refused' THEN s.effective_on END)::text
       FROM children k JOIN read_models.consent_scopes s ON s.child_id = k.child_id
     UNION ALL
     SELECT k.child_id, 'sharing:' || d.sharing_id, 'sharing-decision', k.dob, COALESCE(d.valid_until, d.decided_at::date)::text
       FROM children k JOIN read_models.sharing_decisions d ON d.child_id = k.child_id
     ORDER BY 1, 2`,
    [today],
  );
}
