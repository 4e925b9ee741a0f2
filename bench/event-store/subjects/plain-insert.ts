import type { Pool } from 'pg';
import type { EventToAppend } from '@app/event-store';
import type { Subject } from '../workloads';

/**
 * The physical baseline: the same rows, one multi-row INSERT per append, into a table shaped
 * like event_store.events (same columns, keys, unique constraints and indexes), with no
 * stream head, no revision check, no idempotency check and no notification.
 */
export const BASELINE_SCHEMA = `
  CREATE SCHEMA IF NOT EXISTS bench_baseline;
  CREATE TABLE bench_baseline.events (
    global_position bigserial PRIMARY KEY,
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    stream_id text NOT NULL,
    revision bigint NOT NULL,
    event_id uuid NOT NULL,
    type text NOT NULL,
    schema_version integer NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    child_id text,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_stream_revision_unique UNIQUE (stream_id, revision),
    CONSTRAINT events_event_id_unique UNIQUE (event_id)
  );
  CREATE INDEX events_log_order ON bench_baseline.events (transaction_id, global_position);
  CREATE INDEX events_child ON bench_baseline.events (child_id) WHERE child_id IS NOT NULL;
`;

export function plainInsertSubject(pool: Pool): Subject {
  const revisions = new Map<string, number>();
  return {
    async append(streamId: string, events: readonly EventToAppend[]) {
      const first = (revisions.get(streamId) ?? -1) + 1;
      const values: unknown[] = [];
      const rows = events.map((e, i) => {
        const p = values.length;
        values.push(
          streamId,
          first + i,
          e.eventId,
          e.type,
          e.schemaVersion,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
          e.metadata.childId ?? null,
          e.occurredAt.toISOString(),
        );
        return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}, $${p + 9})`;
      });
      await pool.query(
        `INSERT INTO bench_baseline.events (stream_id, revision, event_id, type, schema_version, data, metadata, child_id, occurred_at)
         VALUES ${rows.join(', ')}`,
        values,
      );
      revisions.set(streamId, first + events.length - 1);
    },
    async readAll(pageSize: number) {
      // Plain keyset paging on the position: the cheapest way to read the table in order.
      const seen = new Set<string>();
      let read = 0;
      let after = '0';
      for (;;) {
        const { rows } = await pool.query<{ global_position: string }>(
          `SELECT global_position, transaction_id::text, stream_id, revision, event_id, type, schema_version, data, metadata, occurred_at
             FROM bench_baseline.events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
          [after, pageSize],
        );
        if (rows.length === 0) return { read, distinct: seen.size };
        read += rows.length;
        for (const row of rows) seen.add(row.global_position);
        after = rows[rows.length - 1].global_position;
      }
    },
    close: () => pool.end(),
  };
}
