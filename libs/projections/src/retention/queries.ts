import type { EntityManager } from 'typeorm';

const REVIEW = `child_id AS "childId", status, due_on::text AS "dueOn", listed_on::text AS "listedOn", records, kept_until::text AS "keptUntil",
  holds, EXISTS (SELECT 1 FROM jsonb_array_elements(holds) h WHERE h->>'liftedAt' IS NULL) AS "onHold", decisions, erased_at AS "erasedAt", erased_cause AS "erasedCause"`;

export const REVIEW_STATUSES = ['due', 'kept', 'disposed', 'erased', 'retained'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The dpo's queue: the records in one status (the queue proper is `due`), oldest due first. */
export function retentionReviews(manager: EntityManager, status?: ReviewStatus): Promise<Array<Record<string, unknown>>> {
  return manager.query(`SELECT ${REVIEW} FROM read_models.retention_reviews WHERE ($1::text IS NULL OR status = $1) ORDER BY due_on NULLS LAST, child_id`, [status ?? null]);
}

export async function retentionReviewOf(manager: EntityManager, childId: string): Promise<Record<string, unknown> | null> {
  const [row] = await manager.query(`SELECT ${REVIEW} FROM read_models.retention_reviews WHERE child_id = $1`, [childId]);
  return row ?? null;
}

/** Children whose record was erased in the log: the daily job deletes any data key still left (a crash between the two). */
export async function erasedChildren(manager: EntityManager): Promise<string[]> {
  const rows: Array<{ child_id: string }> = await manager.query(`SELECT child_id FROM read_models.retention_reviews WHERE status = 'erased' ORDER BY child_id`);
  return rows.map((r) => r.child_id);
}

/** Whether the child's retention history holds this legal hold or erasure request: an unknown one is a 404 before any decision. */
export async function knownInRetention(manager: EntityManager, childId: string, kind: 'holdId' | 'requestId', id: string): Promise<boolean> {
  const [row] = await manager.query(
    `SELECT 1 FROM read_models.retention_reviews, jsonb_array_elements(decisions) d WHERE child_id = $1 AND d->>$2 = $3 LIMIT 1`,
    [childId, kind, id],
  );
  return row !== undefined;
}
