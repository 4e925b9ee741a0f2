import type { DataSource } from 'typeorm';

export const OUTBOX_STATES = ['pending', 'published', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface OutboxMessage {
  readonly id: string;
  readonly eventId: string;
  readonly integrationType: string;
  readonly topic: string;
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly payload: Record<string, unknown>;
  readonly createdAt: string;
  readonly publishedAt: string | null;
  readonly failedAt: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
}

const condition: Record<OutboxState, string> = {
  pending: 'published_at IS NULL AND failed_at IS NULL',
  published: 'published_at IS NOT NULL',
  failed: 'failed_at IS NOT NULL',
};

/**
 * The integration events as agencies receive them, read from the outbox: without
 * KAFKA_BROKERS this is where they wait (DESIGN §2), and where failed ones are inspected.
 */
export async function outboxMessages(
  dataSource: DataSource,
  filter: { state: OutboxState; topic?: string; after?: string; limit: number },
): Promise<OutboxMessage[]> {
  return dataSource.query(
    `SELECT id::text AS id, event_id AS "eventId", integration_type AS "integrationType", topic, key, headers, payload,
            created_at AS "createdAt", published_at AS "publishedAt", failed_at AS "failedAt", attempts, last_error AS "lastError"
       FROM integration.outbox
      WHERE ${condition[filter.state]} AND ($1::text IS NULL OR topic = $1) AND ($2::bigint IS NULL OR id > $2::bigint)
      ORDER BY id LIMIT $3`,
    [filter.topic ?? null, filter.after ?? null, filter.limit],
  );
}
