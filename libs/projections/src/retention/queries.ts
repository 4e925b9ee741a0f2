import type { EntityManager } from 'typeorm';
import { reviewClockState, reviewDecideBy } from '@app/domain';

/** With the child's name from the child's record, as the dpo finds them; an erased record says so. */
const REVIEW = `r.child_id AS "childId",
  CASE WHEN c.erased THEN 'Record erased' ELSE concat_ws(' ', c.given_name, c.family_name) END AS "childName",
  r.status, due_on::text AS "dueOn", listed_on::text AS "listedOn", records, kept_until::text AS "keptUntil",
  holds, EXISTS (SELECT 1 FROM jsonb_array_elements(holds) h WHERE h->>'liftedAt' IS NULL) AS "onHold", decisions, erased_at AS "erasedAt", erased_cause AS "erasedCause"
  FROM read_models.retention_reviews r LEFT JOIN read_models.child_records c USING (child_id)`;

export const REVIEW_STATUSES = ['due', 'kept', 'disposed', 'erased', 'retained'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

type Review = Record<string, unknown> & { status: string; listedOn: string | null };

/** A review awaiting the dpo, with the day it is decided by and whether that day has passed (on the day asked). */
const withClock = (today: string) => (row: Review) =>
  row.status === 'due' && row.listedOn
    ? { ...row, decideBy: reviewDecideBy(row.listedOn), clock: reviewClockState(row.listedOn, today) }
    : row;

/** The dpo's queue: the records in one status (the queue proper is `due`), oldest due first. */
export async function retentionReviews(
  manager: EntityManager,
  today: string,
  status?: ReviewStatus,
): Promise<Array<Record<string, unknown>>> {
  const rows: Review[] = await manager.query(
    `SELECT ${REVIEW} WHERE ($1::text IS NULL OR r.status = $1) ORDER BY due_on NULLS LAST, r.child_id`,
    [status ?? null],
  );
  return rows.map(withClock(today));
}

export async function retentionReviewOf(
  manager: EntityManager,
  today: string,
  childId: string,
): Promise<Record<string, unknown> | null> {
  const [row]: Review[] = await manager.query(`SELECT ${REVIEW} WHERE r.child_id = $1`, [childId]);
  return row ? withClock(today)(row) : null;
}

/** Children whose record was erased in the log: the daily job deletes any data key still left (a crash between the two). */
export async function erasedChildren(manager: EntityManager): Promise<string[]> {
  const rows: Array<{ child_id: string }> = await manager.query(
    `SELECT child_id FROM read_models.retention_reviews WHERE status = 'erased' ORDER BY child_id`,
  );
  return rows.map((r) => r.child_id);
}

/** Whether the child's retention history holds this legal hold or erasure request: an unknown one is a 404 before any decision. */
export async function knownInRetention(
  manager: EntityManager,
  childId: string,
  kind: 'holdId' | 'requestId',
  id: string,
): Promise<boolean> {
  const [row] = await manager.query(
    `SELECT 1 FROM read_models.retention_reviews, jsonb_array_elements(decisions) d WHERE child_id = $1 AND d->>$2 = $3 LIMIT 1`,
    [childId, kind, id],
  );
  return row !== undefined;
}
