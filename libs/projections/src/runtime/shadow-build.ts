import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Checkpoint, EventStore, RecordedEvent } from '@app/event-store/event-store.port';
import type { Projection } from '../projection';
import { checkpoints } from './checkpoint-store';

export interface ShadowBuild {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly projection: Projection;
  readonly batchSize: number;
  readonly apply: (projection: Projection, event: RecordedEvent, manager: EntityManager) => Promise<void>;
  readonly onProgress?: (eventsRead: number) => void;
}

const LIVE = 'read_models';

/**
 * Rebuilds a read model without ever showing it emptier than it was. The whole log is
 * replayed into copies of the projection's tables in a shadow schema, while readers (and
 * the live projection) keep using the real ones; once caught up, one transaction takes the
 * projection's checkpoint lock (the live runner waits), applies what arrived meanwhile,
 * replaces the real tables' rows with the shadow's and sets the checkpoint. Rows are
 * copied rather than tables swapped so the real tables keep their grants, constraint names
 * and indexes, and readers never wait for a lock: they see the old rows until the commit.
 * A failure anywhere drops the shadow and leaves the read model as it was. Returns the
 * checkpoint reached.
 */
export async function buildInShadow(build: ShadowBuild): Promise<Checkpoint | null> {
  const { projection, dataSource } = build;
  const shadow = `${LIVE}_rebuild_${projection.name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
  const runner = dataSource.createQueryRunner();
  const live = runner.query.bind(runner);
  // The projection's own SQL and its repositories name `read_models.<table>`: aim them at the shadow.
  runner.query = ((sql: string, ...rest: unknown[]) => live(intoShadow(sql, projection.tables, shadow), ...(rest as []))) as QueryRunner['query'];
  const state = { position: null as Checkpoint | null, read: 0, applied: 0 };
  const [{ locked }] = await live(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [shadow]);
  if (!locked) {
    await runner.release();
    throw new Error(`a rebuild of ${projection.name} is already running`);
  }
  try {
    await live(`DROP SCHEMA IF EXISTS "${shadow}" CASCADE`);
    await live(`CREATE SCHEMA "${shadow}"`);
    for (const table of projection.tables) await live(`CREATE TABLE "${shadow}"."${table}" (LIKE ${LIVE}."${table}" INCLUDING ALL)`);
    for (;;) {
      await runner.startTransaction();
      const more = await replayBatch(build, runner, state);
      await runner.commitTransaction();
      if (!more) break;
    }
    await runner.startTransaction();
    await checkpoints.lock(runner.manager, projection.name);
    while (await replayBatch(build, runner, state));
    for (const table of projection.tables) {
      await live(`DELETE FROM ${LIVE}."${table}"`);
      await live(`INSERT INTO ${LIVE}."${table}" SELECT * FROM "${shadow}"."${table}"`);
    }
    await live(`DROP SCHEMA "${shadow}" CASCADE`);
    await checkpoints.clear(runner.manager, projection.name);
    if (state.position) await checkpoints.advance(runner.manager, projection.name, state.position, state.applied);
    await runner.commitTransaction();
    return state.position;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await live(`DROP SCHEMA IF EXISTS "${shadow}" CASCADE`).catch(() => undefined);
    throw error;
  } finally {
    await live(`SELECT pg_advisory_unlock(hashtext($1))`, [shadow]).catch(() => undefined);
    await runner.release();
  }
}

/** Applies the next batch of the log to the shadow; false when there was nothing left. */
async function replayBatch(build: ShadowBuild, runner: QueryRunner, state: { position: Checkpoint | null; read: number; applied: number }): Promise<boolean> {
  // Only the projection's own events are opened: the rest are read for their position alone.
  const batch = await build.store.readAll({ after: state.position, limit: build.batchSize, typesRead: new Set(build.projection.eventTypes) });
  if (batch.length === 0) return false;
  for (const event of batch) {
    if (!build.projection.eventTypes.includes(event.type)) continue;
    await build.apply(build.projection, event, runner.manager);
    state.applied += 1;
  }
  state.position = batch[batch.length - 1].checkpoint;
  state.read += batch.length;
  build.onProgress?.(state.read);
  return true;
}

/** `read_models.<table>` (quoted or not) becomes `"<shadow>"."<table>"` for the projection's own tables. */
function intoShadow(sql: string, tables: readonly string[], shadow: string): string {
  if (tables.length === 0) return sql;
  const names = tables.map((t) => t.replace(/[^a-z0-9_]/gi, '')).join('|');
  const owned = new RegExp(`(?:"${LIVE}"|\\b${LIVE})\\.(?:"(${names})"|(${names})(?![A-Za-z0-9_]))`, 'g');
  return sql.replace(owned, (_match, quoted: string | undefined, bare: string | undefined) => `"${shadow}"."${quoted ?? bare}"`);
}
