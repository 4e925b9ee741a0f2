import type { Pool } from 'pg';
import type { Checkpoint, EventToAppend, RecordedEvent } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import type { Subject } from '../workloads';

/** Our PostgreSQL event store, used as the API uses it: exact expected revisions, readAll by checkpoint. */
export function platformSubject(pool: Pool): Subject {
  const store = new PostgresEventStore({ pool });
  const revisions = new Map<string, bigint>();
  return {
    async append(streamId: string, events: readonly EventToAppend[]) {
      const result = await store.append(streamId, events, revisions.get(streamId) ?? 'no-stream');
      revisions.set(streamId, result.nextRevision);
    },
    async readAll(pageSize: number) {
      const seen = new Set<string>();
      let read = 0;
      let after: Checkpoint | null = null;
      for (;;) {
        const page: RecordedEvent[] = await store.readAll({ after, limit: pageSize });
        if (page.length === 0) return { read, distinct: seen.size };
        read += page.length;
        for (const event of page) seen.add(event.eventId);
        after = page[page.length - 1].checkpoint;
      }
    },
    async close() {
      await store.close();
      await pool.end();
    },
  };
}
