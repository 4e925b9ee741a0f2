import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PostgresEventStore } from '@app/event-store';
import { fixtureInstant } from '@app/event-store/testing';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { ProjectionRunner } from './projection-runner';
import { segmentName, segmentOf, segmentsMismatch } from './segments';
import { streamTallyProjection } from '../testing/stream-tally.projection';

const CHILDREN = 24;
const SEGMENTS = 4;
const actor = { userId: 'test', role: 'admin', agencyId: 'platform' };
const revisions = new Map<string, bigint>();

/** `rounds` more events on every child's stream, the children written concurrently; each event names its child. */
async function append(store: PostgresEventStore, rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await Promise.all(
      Array.from({ length: CHILDREN }, async (_, c) => {
        const stream = `child-${c}`;
        const events = [0, 1].map(() => ({
          eventId: randomUUID(),
          type: 'TallyRecorded',
          schemaVersion: 1,
          data: {},
          occurredAt: fixtureInstant,
          metadata: { actor, correlationId: 'seed', childId: stream },
        }));
        const result = await store.append(stream, events, revisions.get(stream) ?? 'no-stream');
        revisions.set(stream, result.nextRevision);
      }),
    );
  }
}

/** A projector process, and the units it last said it runs. */
function projector(db: TestDatabase): {
  child: ChildProcess;
  holding: () => string[];
  exited: Promise<NodeJS.Signals | null>;
} {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, '../testing/projector-process.ts'),
    ],
    {
      env: { ...process.env, DATABASE_URL: db.url, SEGMENTS: String(SEGMENTS), TS_NODE_PROJECT: 'tsconfig.json' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let holding: string[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const runs = /projection units: (.*)$/.exec(line);
      if (runs) holding = runs[1] === '' ? [] : runs[1].split(', ');
    }
  });
  return {
    child,
    holding: () => holding,
    exited: new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal))),
  };
}

async function until(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const tally = (db: TestDatabase, table: string) =>
  db.dataSource.query(`SELECT stream_id, events, last_revision, chain FROM read_models.${table} ORDER BY stream_id`);
const applied = async (db: TestDatabase, table: string): Promise<number> =>
  Number((await db.dataSource.query(`SELECT coalesce(sum(events), 0) AS n FROM read_models.${table}`))[0].n);

describe('projection runtime: projectors sharing segments', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('projector_share');
    store = new PostgresEventStore({ pool: db.pool });
    for (const table of ['tally_by_child', 'tally_whole', 'tally_single'])
      await streamTallyProjection(table, table).createTable(db.dataSource.manager);
  });

  afterAll(async () => {
    running.forEach((child) => child.exitCode === null && child.kill('SIGKILL'));
    await store.close();
    await db.drop();
  });

  it('splits the children between segments of similar size, each child in one', () => {
    const sizes = Array.from(
      { length: SEGMENTS },
      (_, i) => Array.from({ length: 1000 }, (_, c) => `child-${c}`).filter((c) => segmentOf(c, SEGMENTS) === i).length,
    );
    expect(sizes.every((n) => n > 200 && n < 300)).toBe(true);
  });

  it('two projectors each run part of the units, apply every event once, and one takes over when the other is killed', async () => {
    await append(store, 10);
    const first = projector(db);
    const second = projector(db);
    running.push(first.child, second.child);
    const all = [
      ...Array.from({ length: SEGMENTS }, (_, i) => segmentName('tally-by-child', i, SEGMENTS)),
      'tally-whole',
    ].sort();

    // Both hold units (none twice, every one once), and both make progress meanwhile.
    await until('the two projectors share the units', () => {
      const [a, b] = [first.holding(), second.holding()];
      return a.length > 0 && b.length > 0 && [...a, ...b].sort().join() === all.join();
    });
    await append(store, 10);
    await until(
      'every event of the first twenty rounds is applied',
      async () =>
        (await applied(db, 'tally_by_child')) === CHILDREN * 40 && (await applied(db, 'tally_whole')) === CHILDREN * 40,
    );
    const segmentsOfFirst = first.holding().filter((u) => u.startsWith('tally-by-child'));
    const segmentsOfSecond = second.holding().filter((u) => u.startsWith('tally-by-child'));
    expect(segmentsOfFirst.length).toBeGreaterThan(0);
    expect(segmentsOfSecond.length).toBeGreaterThan(0);

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    await append(store, 10);
    await until('the survivor runs every unit', () => second.holding().join() === all.join());
    await until(
      'every event is applied',
      async () =>
        (await applied(db, 'tally_by_child')) === CHILDREN * 60 && (await applied(db, 'tally_whole')) === CHILDREN * 60,
    );

    // One projector over the same log: the shared run must equal it row for row (count, last revision, hash chain of ids).
    const single = streamTallyProjection('tally-single', 'tally_single');
    await new ProjectionRunner(db.dataSource, store, [single], 50).catchUp(single);
    const reference = await tally(db, 'tally_single');
    expect(reference).toHaveLength(CHILDREN);
    expect(reference.every((row: { events: number }) => row.events === 60)).toBe(true);
    expect(await tally(db, 'tally_by_child')).toEqual(reference);
    expect(await tally(db, 'tally_whole')).toEqual(reference);

    // Stored segments of this count fit it; another count, or the whole projection again, is refused.
    const stored: string[] = (await db.dataSource.query(`SELECT name FROM read_models.projection_checkpoints`)).map(
      (r: { name: string }) => r.name,
    );
    const byChild = [{ ...single, name: 'tally-by-child', perChild: true as const }];
    expect(segmentsMismatch(byChild, SEGMENTS, stored)).toBeUndefined();
    expect(segmentsMismatch(byChild, 1, stored)).toMatch(
      /PROJECTION_SEGMENTS is 1 but tally-by-child was run in 4 segments/,
    );
    expect(segmentsMismatch(byChild, 2, stored)).toMatch(/set PROJECTION_SEGMENTS=4/);
  }, 240_000);
});
