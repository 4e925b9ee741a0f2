import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Checkpoint, EventStore, RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { checkpoints } from './checkpoint-store';

export interface ShadowBuild {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  /** Rebuilt together: the log is read once for all of them. */
  readonly projections: readonly Projection[];
  readonly batchSize: number;
  /** Applies one projection's events of a batch, in log order (naming the event it fails on). */
  readonly apply: (projection: Projection, events: readonly RecordedEvent[], manager: EntityManager) => Promise<void>;
  readonly onProgress?: (eventsRead: number) => void;
}

const LIVE = 'read_models';

interface Shadow {
  readonly projection: Projection;
  readonly schema: string;
  /** The projection's own SQL, aimed at its shadow tables. */
  readonly query: QueryRunner['query'];
  applied: number;
}

/**
 * Rebuilds read models without ever showing them emptier than they were. The whole log is
 * replayed, read once for all the projections rebuilt together, into copies of their tables
 * in shadow schemas, while readers (and the live projections) keep using the real ones. The
 * shadows are unlogged and their batches committed without waiting for the disk: a crash
 * loses nothing but the rebuild, which starts again from nothing. Once caught up, one
 * transaction takes the projections' checkpoint locks (the live runner waits), applies what
 * arrived meanwhile, replaces the real tables' rows with the shadows' and sets the
 * checkpoints. Rows are copied rather than tables swapped so the real tables keep their
 * grants, constraint names and indexes, and readers never wait for a lock: they see the old
 * rows until the commit. A failure anywhere drops the shadows and leaves every read model as
 * it was. Returns the checkpoint reached.
 */
export async function buildInShadow(build: ShadowBuild): Promise<Checkpoint | null> {
  const { dataSource } = build;
  const runner = dataSource.createQueryRunner();
  const live = runner.query.bind(runner);
  const shadows: Shadow[] = build.projections.map((projection) => {
    const schema = `${LIVE}_rebuild_${projection.name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
    return {
      projection,
      schema,
      applied: 0,
      query: ((sql: string, ...rest: unknown[]) =>
        live(intoShadow(sql, projection.tables, schema), ...(rest as []))) as QueryRunner['query'],
    };
  });
  const state = { position: null as Checkpoint | null, read: 0 };
  const locked: Shadow[] = [];
  try {
    for (const shadow of shadows) {
      const [{ got }] = await live(`SELECT pg_try_advisory_lock(hashtext($1)) AS got`, [shadow.schema]);
      if (!got) throw new Error(`a rebuild of ${shadow.projection.name} is already running`);
      locked.push(shadow);
    }
    for (const { projection, schema } of shadows) {
      await live(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await live(`CREATE SCHEMA "${schema}"`);
      for (const table of projection.tables)
        await live(`CREATE UNLOGGED TABLE "${schema}"."${table}" (LIKE ${LIVE}."${table}" INCLUDING ALL)`);
    }
    // The next batch is read (and opened) while this one is applied.
    for (let next = readAfter(build, shadows, null); ;) {
      const batch = await next;
      if (batch.length === 0) break;
      next = readAfter(build, shadows, batch[batch.length - 1].checkpoint);
      // Awaited on the next turn; should this batch fail first, its rejection is not lost unhandled.
      next.catch(() => undefined);
      await runner.startTransaction();
      await live(`SET LOCAL synchronous_commit TO off`);
      await replayBatch(build, runner, shadows, state, batch);
      await runner.commitTransaction();
    }
    await runner.startTransaction();
    for (const { projection } of shadows) await checkpoints.lock(runner.manager, projection.name);
    for (
      let batch = await readAfter(build, shadows, state.position);
      batch.length > 0;
      batch = await readAfter(build, shadows, state.position)
    ) {
      await replayBatch(build, runner, shadows, state, batch);
    }
    for (const { projection, schema, applied } of shadows) {
      for (const table of projection.tables) {
        await live(`DELETE FROM ${LIVE}."${table}"`);
        await live(`INSERT INTO ${LIVE}."${table}" SELECT * FROM "${schema}"."${table}"`);
      }
      await live(`DROP SCHEMA "${schema}" CASCADE`);
      await checkpoints.clear(runner.manager, projection.name);
      if (state.position) await checkpoints.advance(runner.manager, projection.name, state.position, applied);
    }
    await runner.commitTransaction();
    return state.position;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    for (const { schema } of locked) await live(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    throw error;
  } finally {
    for (const { schema } of locked)
      await live(`SELECT pg_advisory_unlock(hashtext($1))`, [schema]).catch(() => undefined);
    runner.query = live;
    await runner.release();
  }
}

/** The batch of the log after `position`, opening only the types some projection reads (the rest come for their position alone). */
function readAfter(
  build: ShadowBuild,
  shadows: readonly Shadow[],
  position: Checkpoint | null,
): Promise<RecordedEvent[]> {
  return build.store.readAll({
    after: position,
    limit: build.batchSize,
    typesRead: new Set(shadows.flatMap((s) => s.projection.eventTypes)),
  });
}

/** Applies a batch of the log to every shadow, each projection its own events. */
async function replayBatch(
  build: ShadowBuild,
  runner: QueryRunner,
  shadows: readonly Shadow[],
  state: { position: Checkpoint | null; read: number },
  batch: readonly RecordedEvent[],
): Promise<void> {
  const live = runner.query;
  try {
    for (const shadow of shadows) {
      const types = new Set(shadow.projection.eventTypes);
      const work = batch.filter((event) => types.has(event.type));
      if (work.length === 0) continue;
      runner.query = shadow.query;
      await build.apply(shadow.projection, work, runner.manager);
      shadow.applied += work.length;
    }
  } finally {
    runner.query = live;
  }
  state.position = batch[batch.length - 1].checkpoint;
  state.read += batch.length;
  build.onProgress?.(state.read);
}

/** `read_models.<table>` (quoted or not) becomes `"<shadow>"."<table>"` for the projection's own tables. */
function intoShadow(sql: string, tables: readonly string[], shadow: string): string {
  if (tables.length === 0) return sql;
  const names = tables.map((t) => t.replace(/[^a-z0-9_]/gi, '')).join('|');
  const owned = new RegExp(`(?:"${LIVE}"|\\b${LIVE})\\.(?:"(${names})"|(${names})(?![A-Za-z0-9_]))`, 'g');
  return sql.replace(
    owned,
    (_match, quoted: string | undefined, bare: string | undefined) => `"${shadow}"."${quoted ?? bare}"`,
  );
}
