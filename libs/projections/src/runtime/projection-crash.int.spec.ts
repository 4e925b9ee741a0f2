import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { ProjectionRunner } from './projection-runner';
import { streamTallyProjection } from '../testing/stream-tally.projection';
import { fixtureInstant } from '@app/event-store/testing';

const STREAMS = 20;
const EVENTS_PER_STREAM = 60;
const TOTAL = STREAMS * EVENTS_PER_STREAM;
const actor = { userId: 'test', role: 'admin', agencyId: 'platform' };

async function seed(store: EventStore): Promise<void> {
  for (let round = 0; round < EVENTS_PER_STREAM / 3; round += 1) {
    await Promise.all(
      Array.from({ length: STREAMS }, (_, s) =>
        store.append(
          `tally-${s}`,
          [0, 1, 2].map(() => ({
            eventId: randomUUID(),
            type: 'TallyRecorded',
            schemaVersion: 1,
            data: { round },
            occurredAt: fixtureInstant,
            metadata: { actor, correlationId: 'seed' },
          })),
          round === 0 ? 'no-stream' : BigInt(round * 3 - 1),
        ),
      ),
    );
  }
}

const rows = (db: TestDatabase, table: string) =>
  db.dataSource.query(`SELECT stream_id, events, last_revision, chain FROM read_models.${table} ORDER BY stream_id`);

const applied = async (db: TestDatabase, name: string): Promise<number> => {
  const [row] = await db.dataSource.query(
    `SELECT events_applied FROM read_models.projection_checkpoints WHERE name = $1`,
    [name],
  );
  return row ? Number(row.events_applied) : 0;
};

describe('projection runtime: a process killed mid catch-up', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('projection_crash');
    store = new PostgresEventStore({ pool: db.pool });
    await seed(store);
  });

  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('resumes after SIGKILL and ends equal to a clean rebuild', async () => {
    const crashed = streamTallyProjection('tally-crashed', 'tally_crashed');
    const clean = streamTallyProjection('tally-clean', 'tally_clean');
    await crashed.createTable(db.dataSource.manager);
    await clean.createTable(db.dataSource.manager);

    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(__dirname, '../testing/catch-up-process.ts'),
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: db.url,
          PROJECTION: crashed.name,
          TABLE: 'tally_crashed',
          DELAY_MS: '2',
          TS_NODE_PROJECT: 'tsconfig.json',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );

    // Kill it for real once it is part-way through: a process exit, not a thrown exception.
    const deadline = Date.now() + 60_000;
    while ((await applied(db, crashed.name)) < TOTAL / 4) {
      if (Date.now() > deadline) throw new Error('the catch-up process made no progress');
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const atCrash = await applied(db, crashed.name);
    expect(atCrash).toBeGreaterThan(0);
    expect(atCrash).toBeLessThan(TOTAL);

    const runner = new ProjectionRunner(db.dataSource, store, [crashed, clean], 50);
    await runner.catchUp(crashed);
    await runner.rebuild(clean);

    expect(await applied(db, crashed.name)).toBe(TOTAL);
    const [resumed, rebuilt] = [await rows(db, 'tally_crashed'), await rows(db, 'tally_clean')];
    expect(resumed).toHaveLength(STREAMS);
    expect(resumed).toEqual(rebuilt);
  });
});
