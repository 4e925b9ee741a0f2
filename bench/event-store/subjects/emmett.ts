import { dumbo } from '@event-driven-io/dumbo';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import type { Pool } from 'pg';
import type { EventToAppend } from '@app/event-store';
import type { Subject } from '../workloads';

/**
 * Emmett's PostgreSQL event store on the same database and the same pool size. Emmett has no
 * "read all" on its store: readMessagesBatch is the paging read its own consumers use.
 * Emmett's connection layer (dumbo) replaces pg's global type parsers (bigint, json), which
 * is why every subject runs in a process of its own.
 */
export async function emmettSubject(url: string, pool: Pool): Promise<Subject> {
  const connection = dumbo({ connectionString: url, pool });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { dumbo: connection } });
  await store.schema.migrate();
  const versions = new Map<string, bigint>();
  return {
    async append(streamId: string, events: readonly EventToAppend[]) {
      const result = await store.appendToStream(
        streamId,
        events.map((e) => ({
          type: e.type,
          data: e.data,
          metadata: {
            ...e.metadata,
            eventId: e.eventId,
            schemaVersion: e.schemaVersion,
            occurredAt: e.occurredAt.toISOString(),
          },
        })),
        { expectedStreamVersion: versions.get(streamId) ?? STREAM_DOES_NOT_EXIST },
      );
      versions.set(streamId, result.nextExpectedStreamVersion);
    },
    async readAll(pageSize: number) {
      // Emmett pages by global position alone, the way its consumers checkpoint.
      const seen = new Set<string>();
      let read = 0;
      let batch = await readMessagesBatch(connection.execute, { from: 0n, batchSize: pageSize });
      for (;;) {
        if (batch.messages.length === 0) return { read, distinct: seen.size };
        read += batch.messages.length;
        for (const message of batch.messages) seen.add(String(message.metadata.globalPosition));
        batch = await readMessagesBatch(connection.execute, {
          after: batch.currentGlobalPosition,
          batchSize: pageSize,
        });
      }
    },
    async close() {
      await store.close();
      await pool.end().catch(() => undefined);
    },
  };
}
