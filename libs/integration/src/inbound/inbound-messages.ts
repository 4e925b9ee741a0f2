import type { Pool } from 'pg';

export type InboundOutcome = 'applied' | 'rejected' | 'dead-lettered';

/** The record of inbound message ids already dealt with (table integration.inbound_messages). */
export class InboundMessages {
  constructor(private readonly pool: Pick<Pool, 'query'>) {}

  async seen(messageId: string): Promise<InboundOutcome | null> {
    const { rows } = await this.pool.query<{ outcome: InboundOutcome }>(
      'SELECT outcome FROM integration.inbound_messages WHERE message_id = $1',
      [messageId],
    );
    return rows[0]?.outcome ?? null;
  }

  async record(entry: {
    messageId: string;
    topic: string;
    partition: number;
    offset: string;
    outcome: InboundOutcome;
    reason?: string;
  }): Promise<void> {
    await this.pool.query(
      `INSERT INTO integration.inbound_messages (message_id, topic, partition, "offset", outcome, reason)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (message_id) DO NOTHING`,
      [
        entry.messageId,
        entry.topic,
        entry.partition,
        entry.offset,
        entry.outcome,
        entry.reason?.slice(0, 1000) ?? null,
      ],
    );
  }
}

/** Where a message sits on its topic: the id of a message too broken to carry its own. */
export const positionOf = (m: { topic: string; partition: number; offset: string }): string =>
  `${m.topic}/${m.partition}/${m.offset}`;
