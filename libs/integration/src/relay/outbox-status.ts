import type { Pool } from 'pg';

export interface OutboxStatus {
  /** Rows waiting to be published. */
  readonly depth: number;
  /** Age of the oldest waiting row, in seconds (0 when none waits): the relay's lag. */
  readonly oldestUnpublishedAgeSeconds: number;
  /** Rows that broke their contract: never published, kept with the reason. */
  readonly failed: number;
}

/** Outbox depth and relay lag, read from the table itself so any process can report them. */
export async function outboxStatus(pool: Pick<Pool, 'query'>): Promise<OutboxStatus> {
  const { rows } = await pool.query<{ depth: string; age: string | null; failed: string }>(
    `SELECT (SELECT count(*) FROM integration.outbox WHERE published_at IS NULL AND failed_at IS NULL) AS depth,
            (SELECT extract(epoch FROM now() - min(created_at)) FROM integration.outbox
              WHERE published_at IS NULL AND failed_at IS NULL) AS age,
            (SELECT count(*) FROM integration.outbox WHERE failed_at IS NOT NULL) AS failed`,
  );
  return {
    depth: Number(rows[0].depth),
    oldestUnpublishedAgeSeconds: rows[0].age === null ? 0 : Math.max(0, Number(rows[0].age)),
    failed: Number(rows[0].failed),
  };
}
