import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';

/**
 * A test read model that notices any lost, repeated or reordered event: per stream it
 * keeps the count, the last revision (each event must follow the previous one) and a
 * hash chain over the event ids.
 */
export function streamTallyProjection(
  name: string,
  table: string,
): Projection & { createTable(manager: EntityManager): Promise<void> } {
  const qualified = `read_models.${table}`;
  return {
    name,
    eventTypes: ['TallyRecorded'],
    tables: [table],
    async createTable(manager) {
      await manager.query(
        `CREATE TABLE IF NOT EXISTS ${qualified} (stream_id text PRIMARY KEY, events integer NOT NULL, last_revision bigint NOT NULL, chain text NOT NULL)`,
      );
    },
    async apply(event: RecordedEvent, manager: EntityManager) {
      const rows: Array<{ last_revision: string }> = await manager.query(
        `SELECT last_revision FROM ${qualified} WHERE stream_id = $1`,
        [event.streamId],
      );
      const expected = rows.length === 0 ? 0n : BigInt(rows[0].last_revision) + 1n;
      if (event.revision !== expected) {
        throw new Error(`${name}: ${event.streamId} expected revision ${expected}, got ${event.revision}`);
      }
      await manager.query(
        `INSERT INTO ${qualified} (stream_id, events, last_revision, chain) VALUES ($1, 1, $2, md5($3))
         ON CONFLICT (stream_id) DO UPDATE SET events = ${qualified}.events + 1, last_revision = $2, chain = md5(${qualified}.chain || $3)`,
        [event.streamId, event.revision.toString(), event.eventId],
      );
    },
  };
}
