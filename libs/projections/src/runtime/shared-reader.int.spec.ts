import { randomBytes, randomUUID } from 'node:crypto';
import { eventCatalogue } from '@app/domain';
import { compareCheckpoints, type RecordedEvent } from '@app/event-store';
import { ChildDataKeys } from '@app/event-store';
import { ProtectedEventStore } from '@app/event-store';
import { isSealed } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { anEvent } from '@app/event-store/testing';
import { fixtureInstant } from '@app/event-store/testing';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import type { Projection } from '../projection';
import { checkpoints } from './checkpoint-store';
import { ProjectionRunner } from './projection-runner';
import { streamTallyProjection } from '../testing/stream-tally.projection';

const actor = { userId: 'test', role: 'admin', agencyId: 'platform' };
const tally = (n: number) =>
  Array.from({ length: n }, () => ({
    eventId: randomUUID(),
    type: 'TallyRecorded',
    schemaVersion: 1,
    data: {},
    occurredAt: fixtureInstant,
    metadata: { actor, correlationId: 'c' },
  }));

/** A projection of an event type nobody appends: every batch is one it has no work in. */
const idleProjection = (name: string): Projection => ({
  name,
  eventTypes: ['NeverRecorded'],
  tables: [],
  apply: async () => {
    throw new Error(`${name} was given an event`);
  },
});

/** One reader for every projection, no transaction without work, wake-ups instead of polls. */
describe('projection runtime: the shared reader', () => {
  let db: TestDatabase;
  let inner: PostgresEventStore;
  let keys: ChildDataKeys;
  let store: ProtectedEventStore;
  const storedCheckpoint = async (name: string) => checkpoints.read(db.dataSource.manager, name);

  beforeAll(async () => {
    db = await createTestDatabase('shared_reader');
    inner = new PostgresEventStore({ pool: db.pool, pollIntervalMs: 100 });
    keys = new ChildDataKeys(db.pool, randomBytes(32));
    store = new ProtectedEventStore(inner, keys, eventCatalogue);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await store.close();
    await db.drop();
  });

  it('opens no transaction for a projection without work, moves its checkpoint anyway, and a restart goes on from it', async () => {
    const busy = streamTallyProjection('tally-busy', 'tally_busy');
    await busy.createTable(db.dataSource.manager);
    const idle = idleProjection('idle-one');
    const locks = jest.spyOn(checkpoints, 'lock');
    const runner = new ProjectionRunner(db.dataSource, store, [busy, idle], 10);
    await runner.start();
    let last: RecordedEvent | undefined;
    for (let i = 0; i < 5; i += 1) last = (await inner.append(`busy-${i}`, tally(3), 'no-stream')).events.at(-1);
    expect(await runner.waitFor(last!.checkpoint, 10_000)).toBe(true);
    await runner.stop();

    const lockedNames = locks.mock.calls.map(([, name]) => name);
    locks.mockRestore();
    expect(lockedNames).toContain('tally-busy');
    expect(lockedNames).not.toContain('idle-one');
    expect(await storedCheckpoint('idle-one')).toEqual(last!.checkpoint);
    const [{ events_applied: appliedByIdle }] = await db.dataSource.query(
      `SELECT events_applied FROM read_models.projection_checkpoints WHERE name = 'idle-one'`,
    );
    expect(Number(appliedByIdle)).toBe(0);

    // A new process starts from the stored checkpoints and applies only what came after.
    const more = (await inner.append('busy-0', tally(2), 2n)).events.at(-1)!;
    const restarted = new ProjectionRunner(db.dataSource, store, [busy, idle], 10);
    await restarted.start();
    expect(await restarted.waitFor(more.checkpoint, 10_000)).toBe(true);
    await restarted.stop();
    const rows: Array<{ stream_id: string; events: number }> = await db.dataSource.query(
      `SELECT stream_id, events FROM read_models.tally_busy ORDER BY stream_id`,
    );
    expect(rows).toEqual([0, 1, 2, 3, 4].map((i) => ({ stream_id: `busy-${i}`, events: i === 0 ? 5 : 3 })));
  });

  it('opens the sealed fields only of events some projection reads', async () => {
    const childId = randomUUID();
    const registered = await store.append(
      `child-${childId}`,
      [
        anEvent({
          type: 'ChildRegistered',
          data: {
            childId,
            givenName: 'Amelia',
            familyName: 'Thornbury',
            dateOfBirth: '2014-03-09',
            schoolId: 'school-oakfield',
            yearGroup: 7,
            flags: [],
          },
          metadata: { actor, correlationId: 'c', childId },
        }),
      ],
      'no-stream',
    );
    const asked: string[][] = [];
    const existingKeys = keys.existingKeys.bind(keys);
    const lookUp = jest.spyOn(keys, 'existingKeys').mockImplementation(async (ids) => {
      asked.push([...ids]);
      return existingKeys(ids);
    });
    const busy = streamTallyProjection('tally-sealed', 'tally_sealed');
    await busy.createTable(db.dataSource.manager);
    const seen: RecordedEvent[] = [];
    const watcher: Projection = {
      name: 'watch-tally',
      eventTypes: ['TallyRecorded'],
      tables: [],
      apply: async (event) => void seen.push(event),
    };
    const runner = new ProjectionRunner(db.dataSource, store, [busy, watcher], 10);
    await runner.start();
    const tallied = (await inner.append('sealed-0', tally(1), 'no-stream')).events[0];
    expect(await runner.waitFor(tallied.checkpoint, 10_000)).toBe(true);
    await runner.stop();
    lookUp.mockRestore();
    expect(asked.flat()).not.toContain(childId);
    expect(seen.map((e) => e.eventId)).toContain(tallied.eventId);

    // The same read asking for the child's events opens them.
    const [opened] = await store
      .readAll({ after: null, limit: 1000, typesRead: new Set(['ChildRegistered']) })
      .then((all) => all.filter((e) => e.eventId === registered.events[0].eventId));
    expect(opened.data).toMatchObject({ givenName: 'Amelia' });
    const [left] = await store
      .readAll({ after: null, limit: 1000, typesRead: new Set(['TallyRecorded']) })
      .then((all) => all.filter((e) => e.eventId === registered.events[0].eventId));
    expect(isSealed(left.data.givenName)).toBe(true);
  });

  it('at idle, reads the log on wake-ups, not several times a second', async () => {
    const projections = Array.from({ length: 11 }, (_, i) => idleProjection(`idle-many-${i}`));
    const runner = new ProjectionRunner(db.dataSource, store, projections, 10);
    await runner.start();
    await new Promise((r) => setTimeout(r, 500)); // caught up, listening
    const reads = jest.spyOn(inner, 'readAll');
    await new Promise((r) => setTimeout(r, 3000));
    const idleReads = reads.mock.calls.length;
    // Appended by another process's store: only its announcement, through LISTEN, can wake this one before the safety poll.
    const elsewhere = new PostgresEventStore({ pool: db.pool });
    const appended = (await elsewhere.append('wake-0', tally(1), 'no-stream')).events[0];
    const woke = Date.now();
    expect(await runner.waitFor(appended.checkpoint, 4000)).toBe(true);
    const wakeMs = Date.now() - woke;
    await runner.stop();
    await elsewhere.close();
    reads.mockRestore();
    // Eleven projections polling every 100 ms would have read about 330 times.
    expect(idleReads).toBeLessThanOrEqual(2);
    expect(wakeMs).toBeLessThan(1000);
  });

  it('applies a live batch of several events in sets, and a batch that fails there still names its event', async () => {
    const tallied = streamTallyProjection('tally-sets', 'tally_sets');
    await tallied.createTable(db.dataSource.manager);
    const batchSizes: number[] = [];
    const inSets: Projection = {
      ...tallied,
      applyBatch: async (events, manager) => {
        batchSizes.push(events.length);
        for (const event of events) await tallied.apply(event, manager);
      },
    };
    const poison = tally(3);
    const refusing: Projection = {
      name: 'sets-refusing',
      eventTypes: ['TallyRecorded'],
      tables: [],
      apply: async (event) => {
        if (event.eventId === poison[1].eventId) throw new Error('this event cannot be applied');
      },
      applyBatch: async (events) => {
        if (events.some((event) => event.eventId === poison[1].eventId)) throw new Error('the batch failed');
      },
    };
    const runner = new ProjectionRunner(db.dataSource, store, [inSets, refusing], 100);
    await runner.start();
    const appended = await Promise.all(
      Array.from({ length: 10 }, (_, i) => inner.append(`sets-${i}`, tally(2), 'no-stream')),
    );
    const last = appended
      .map((a) => a.events.at(-1)!.checkpoint)
      .reduce((a, b) => (compareCheckpoints(a, b) >= 0 ? a : b));
    expect(await runner.waitFor(last, 10_000)).toBe(true);
    await inner.append('sets-poison', poison, 'no-stream');
    const failure = async () => runner.status().find((p) => p.name === 'sets-refusing')?.failure;
    for (let tries = 0; tries < 100 && !(await failure()); tries += 1) await new Promise((r) => setTimeout(r, 50));
    await runner.stop();
    expect(batchSizes.length).toBeGreaterThan(0);
    expect(Math.min(...batchSizes)).toBeGreaterThan(1);
    const rows: Array<{ stream_id: string; events: number }> = await db.dataSource.query(
      `SELECT stream_id, events FROM read_models.tally_sets WHERE stream_id LIKE 'sets-%' ORDER BY stream_id`,
    );
    expect(rows.map((r) => r.events)).toEqual([...Array(10).fill(2), 3]);
    expect(await failure()).toMatchObject({ eventId: poison[1].eventId, error: 'this event cannot be applied' });
  });
});
