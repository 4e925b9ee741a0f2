// `npm run bench:projections`: events/s of a full rebuild of every projection over a generated
// log of the platform's real event mix, beside readAll's rate on the same log (the ceiling).
// PostgreSQL: DATABASE_URL's server or a throwaway embedded one. See docs/benchmarks.md.
import { deepStrictEqual } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { EventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { loadConfig } from '@app/platform';
import { openPlatform } from '@app/composition';
import type { Projection } from '@app/projections';
import { ProjectionRunner } from '@app/projections';
import { rebuildProjections } from '@app/projections';
import { provideServer } from '../support/server';
import { generateLog } from './generate';

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

const whole = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return Number(raw);
};

const target = whole('BENCH_PROJECTION_EVENTS', 1_000_000);
const schools = whole('BENCH_SCHOOLS', 50);
const pageSize = whole('BENCH_PAGE_SIZE', 1000);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const seconds = (since: number) => (performance.now() - since) / 1000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

/** Reads the whole log in pages, as a projection does; returns events/s. */
async function readWhole(
  store: EventStore,
  typesRead: ReadonlySet<string> | undefined,
  expected: number,
): Promise<number> {
  const started = performance.now();
  let after = null;
  let read = 0;
  for (;;) {
    const batch = await store.readAll({ after, limit: pageSize, typesRead });
    if (batch.length === 0) break;
    read += batch.length;
    after = batch[batch.length - 1].checkpoint;
  }
  if (read !== expected) throw new Error(`readAll returned ${read} events, the log holds ${expected}`);
  return read / seconds(started);
}

/** Each projection as it is, its apply and applyBatch timed: where a rebuild's time goes. */
function timed(projections: readonly Projection[]) {
  const spent = new Map<string, { seconds: number; events: number }>();
  const tally = async (name: string, events: number, work: () => Promise<void>) => {
    const started = performance.now();
    try {
      await work();
    } finally {
      const sum = spent.get(name) ?? spent.set(name, { seconds: 0, events: 0 }).get(name)!;
      sum.seconds += seconds(started);
      sum.events += events;
    }
  };
  return {
    spent,
    projections: projections.map((p): Projection => ({
      ...p,
      apply: (event, manager) => tally(p.name, 1, () => p.apply(event, manager)),
      applyBatch:
        p.applyBatch && ((events, manager) => tally(p.name, events.length, () => p.applyBatch!(events, manager))),
    })),
  };
}

async function main(): Promise<void> {
  const server = await provideServer(progress);
  const database = `bench_projections_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-projections-'));
  const runtime = await openPlatform(
    loadConfig({ ...process.env, DATABASE_URL: url.toString(), DATA_DIR: dataDir, EVENTSTORE_URL: '' }),
    { log: progress },
  );
  try {
    progress(`generating a log of at least ${fmt(target)} events over ${schools} schools (load ${load()})`);
    let started = performance.now();
    const log = await generateLog(
      runtime.pool,
      runtime.dataKeys,
      target,
      schools,
      (written) => written % 100_000 < 7000 && progress(`${fmt(written)} events written`),
    );
    progress(
      `${fmt(log.events)} events, ${fmt(log.children)} children, ${fmt(log.streams)} streams in ${seconds(started).toFixed(0)} s`,
    );
    await runtime.pool.query('VACUUM ANALYZE event_store.events');

    // What was decided is what the store reads back, opened, through the platform's own store.
    for (const streamId of new Set(log.samples.map((s) => s.streamId))) {
      const decided = log.samples.filter((s) => s.streamId === streamId).flatMap((s) => s.events);
      const stored = await runtime.eventStore.readStream(streamId);
      deepStrictEqual(
        stored.map((e) => ({ type: e.type, data: e.data })),
        JSON.parse(JSON.stringify(decided)),
      );
    }
    const sealed = await runtime.pool.query(
      `SELECT count(*)::int AS n FROM event_store.events WHERE data::text LIKE '%"$sealed"%'`,
    );
    progress(
      `read back through the store: the first child's ${log.samples.length} appends match; ${fmt(sealed.rows[0].n)} events carry sealed fields`,
    );

    const typesRead = new Set(runtime.projections.projections.flatMap((p) => p.eventTypes));
    progress(`readAll, rows only (load ${load()})`);
    const raw = await readWhole(new PostgresEventStore({ pool: runtime.pool }), undefined, log.events);
    progress(`readAll through the sealing store, opening the types the projections read (load ${load()})`);
    const opened = await readWhole(runtime.eventStore, typesRead, log.events);

    progress(`rebuilding every projection (load ${load()})`);
    const loadBefore = load();
    const timing = timed(runtime.projections.projections);
    started = performance.now();
    await rebuildProjections(
      new ProjectionRunner(runtime.dataSource, runtime.eventStore, timing.projections),
      runtime.dataSource,
    );
    const rebuildSeconds = seconds(started);
    const rebuild = log.events / rebuildSeconds;
    const loadAfter = load();
    const rows = await runtime.pool.query(`SELECT count(*)::int AS n FROM read_models.child_records`);
    if (rows.rows[0].n !== log.children)
      throw new Error(`child_records holds ${rows.rows[0].n} rows after the rebuild, not ${log.children}`);

    const mix = [...log.byType.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([type, n]) => `${type} ${((100 * n) / log.events).toFixed(1)}%`)
      .join(', ');
    process.stdout.write(
      [
        `log: ${fmt(log.events)} events (${mix}); ${fmt(log.children)} children in ${schools} schools; ${server.description}`,
        `projections: ${runtime.projections.projections.length}; load average before/after the rebuild: ${loadBefore} / ${loadAfter}`,
        '',
        '| path | events/s | ÷ readAll (opened) |',
        '|---|---:|---:|',
        `| readAll, rows only (pages of ${pageSize}) | ${fmt(raw)} | ${(raw / opened).toFixed(2)}× |`,
        `| readAll, opening the projections' types (the ceiling) | ${fmt(opened)} | 1.00× |`,
        `| rebuild of every projection (${rebuildSeconds.toFixed(1)} s) | ${fmt(rebuild)} | ${(rebuild / opened).toFixed(2)}× |`,
        '',
        `time inside each projection's apply during the rebuild (the rest of ${rebuildSeconds.toFixed(1)} s: reading, opening, copying the shadows):`,
        '',
        '| projection | events applied | s |',
        '|---|---:|---:|',
        ...[...timing.spent.entries()]
          .sort((a, b) => b[1].seconds - a[1].seconds)
          .map(([name, t]) => `| ${name} | ${fmt(t.events)} | ${t.seconds.toFixed(1)} |`),
        '',
      ].join('\n'),
    );
  } finally {
    await runtime.close();
    await admin.query(`DROP DATABASE "${database}" WITH (FORCE)`);
    await admin.end();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
