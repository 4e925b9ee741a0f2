import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { eventCatalogue } from '@app/domain';
import type { AppendResult, EventStore, EventToAppend, ExpectedRevision, RecordedEvent } from '@app/event-store';
import { ChildDataKeys } from '@app/event-store';
import { ProtectedEventStore } from '@app/event-store';
import { childJourney, type Decided } from './journeys';

/** Children decided, sealed and written together; their appends interleave, as a day's work does. */
const COHORT = 400;

/**
 * The children's data keys, created for a whole cohort in one statement and then held: the
 * store's `keyFor` makes two round trips a call, which would be most of the generation's time.
 * The keys are the store's own rows, wrapped by the platform's key-encryption key.
 */
class CohortKeys extends ChildDataKeys {
  private readonly held = new Map<string, Buffer>();

  constructor(
    private readonly db: Pool,
    from: ChildDataKeys,
  ) {
    super(db, from.keyEncryptionKeys);
  }

  async create(childIds: readonly string[]): Promise<void> {
    const wrapped = childIds.map((childId) => {
      const key = randomBytes(32);
      this.held.set(childId, key);
      return this.keyEncryptionKeys.wrap(childId, key);
    });
    await this.db.query(
      `INSERT INTO event_store.child_data_keys (child_id, wrapped_key, wrapping_key_id) SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[])`,
      [childIds, wrapped.map((w) => w.wrapped), wrapped.map((w) => w.keyId)],
    );
  }

  override async keyFor(childId: string): Promise<Buffer> {
    return this.held.get(childId) ?? super.keyFor(childId);
  }

  forget(): void {
    this.held.clear();
  }
}

/** Takes what the sealing store would append, without writing it: the rows are written in bulk afterwards. */
class SealedAppends implements EventStore {
  readonly taken: Array<{ streamId: string; revision: bigint; event: EventToAppend }> = [];
  private readonly heads = new Map<string, bigint>();

  async append(streamId: string, events: readonly EventToAppend[], _expected: ExpectedRevision): Promise<AppendResult> {
    let revision = this.heads.get(streamId) ?? -1n;
    const recorded = events.map((event): RecordedEvent => {
      revision += 1n;
      this.taken.push({ streamId, revision, event });
      return { ...event, streamId, revision, globalPosition: 0n, checkpoint: { commit: 0n, position: 0n } };
    });
    this.heads.set(streamId, revision);
    return { nextRevision: revision, events: recorded };
  }

  headsOf(): Map<string, bigint> {
    return this.heads;
  }

  readStream(): Promise<RecordedEvent[]> {
    throw new Error('not read');
  }
  readAll(): Promise<RecordedEvent[]> {
    throw new Error('not read');
  }
  subscribe(): never {
    throw new Error('not read');
  }
  async close(): Promise<void> {}
}

export interface GeneratedLog {
  readonly events: number;
  readonly children: number;
  readonly streams: number;
  /** A few appends as decided, to check against what the store reads back. */
  readonly samples: Decided[];
  readonly byType: Map<string, number>;
}

/**
 * Writes a log of at least `target` events: children's journeys decided by the domain,
 * sealed by the platform's ProtectedEventStore (catalogue check, AES-GCM per personal field
 * with the child's key), then written as the store writes them, in multi-row inserts of
 * about 5,000 events, each its own transaction (so the log has many commit ids, as a real one).
 */
export async function generateLog(
  pool: Pool,
  keys: ChildDataKeys,
  target: number,
  schools: number,
  progress: (written: number) => void,
): Promise<GeneratedLog> {
  const cohortKeys = new CohortKeys(pool, keys);
  const sink = new SealedAppends();
  const sealing = new ProtectedEventStore(sink, cohortKeys, eventCatalogue);
  const byType = new Map<string, number>();
  const samples: Decided[] = [];
  let written = 0;
  let n = 0;
  const at = Date.parse('2026-01-05T09:00:00Z');
  while (written < target) {
    const journeys = Array.from({ length: COHORT }, () => childJourney(n++, schools));
    await cohortKeys.create(journeys.map((j) => j[0].childId));
    if (samples.length === 0) samples.push(...journeys[0]);
    // Step k of every child, then step k + 1: the cohort's work interleaves in the log.
    const longest = Math.max(...journeys.map((j) => j.length));
    for (let step = 0; step < longest; step += 1) {
      for (const journey of journeys) {
        const decided = journey[step];
        if (!decided) continue;
        await sealing.append(
          decided.streamId,
          decided.events.map((event) => ({
            eventId: randomUUID(),
            type: event.type,
            schemaVersion: eventCatalogue.currentVersion(event.type),
            data: event.data as Record<string, unknown>,
            occurredAt: new Date(at + written * 1000),
            metadata: { actor: decided.actor, correlationId: randomUUID(), childId: decided.childId },
          })),
          'any',
        );
        for (const event of decided.events) byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
      }
    }
    for (let from = 0; from < sink.taken.length; from += 5000)
      await insertRows(pool, sink.taken.slice(from, from + 5000));
    written += sink.taken.length;
    sink.taken.length = 0;
    cohortKeys.forget();
    progress(written);
  }
  const heads = sink.headsOf();
  const ids = [...heads.keys()];
  for (let from = 0; from < ids.length; from += 20_000) {
    const slice = ids.slice(from, from + 20_000);
    await pool.query(
      `INSERT INTO event_store.streams (stream_id, revision) SELECT * FROM unnest($1::text[], $2::bigint[])`,
      [slice, slice.map((id) => heads.get(id)!.toString())],
    );
  }
  return { events: written, children: n, streams: heads.size, samples, byType };
}

/** The rows append_to_stream would insert (transaction id, position and recorded_at by their defaults). */
async function insertRows(
  pool: Pool,
  rows: ReadonlyArray<{ streamId: string; revision: bigint; event: EventToAppend }>,
): Promise<void> {
  await pool.query(
    `INSERT INTO event_store.events (stream_id, revision, event_id, type, schema_version, data, metadata, child_id, occurred_at)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[], $8::text[], $9::timestamptz[])`,
    [
      rows.map((r) => r.streamId),
      rows.map((r) => r.revision.toString()),
      rows.map((r) => r.event.eventId),
      rows.map((r) => r.event.type),
      rows.map((r) => r.event.schemaVersion),
      rows.map((r) => JSON.stringify(r.event.data)),
      rows.map((r) => JSON.stringify(r.event.metadata)),
      rows.map((r) => r.event.metadata.childId ?? null),
      rows.map((r) => r.event.occurredAt.toISOString()),
    ],
  );
}
