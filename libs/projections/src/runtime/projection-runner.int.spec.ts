import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@app/event-store';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { ProjectionRunner } from './projection-runner';
import { streamTallyProjection } from '../testing/stream-tally.projection';
import { fixtureInstant } from '@app/event-store/testing';

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

describe('projection runtime: live following', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('projection_runner');
    store = new PostgresEventStore({ pool: db.pool, pollIntervalMs: 100 });
  });

  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('catches up, follows live appends, and lets a writer wait for its own events', async () => {
    const projection = streamTallyProjection('tally-live', 'tally_live');
    await projection.createTable(db.dataSource.manager);
    await store.append('live-a', tally(5), 'no-stream');

    const runner = new ProjectionRunner(db.dataSource, store, [projection], 10);
    await runner.start();
    const appended = await store.append('live-a', tally(3), 4n);
    const caughtUp = await runner.waitFor(appended.events[2].checkpoint, 10_000);
    await runner.stop();

    expect(caughtUp).toBe(true);
    const [row] = await db.dataSource.query(
      `SELECT events, last_revision FROM read_models.tally_live WHERE stream_id = 'live-a'`,
    );
    expect(row).toEqual({ events: 8, last_revision: '7' });
  });

  it('two runners of the same projection never apply an event twice', async () => {
    const projection = streamTallyProjection('tally-pair', 'tally_pair');
    await projection.createTable(db.dataSource.manager);
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.append(`pair-${i}`, tally(20), 'no-stream')));

    const first = new ProjectionRunner(db.dataSource, store, [projection], 7);
    const second = new ProjectionRunner(db.dataSource, store, [projection], 7);
    // Both run the whole catch-up concurrently; one of them loses each batch's lock race
    // and must re-read from the stored checkpoint rather than apply stale events.
    const results = await Promise.allSettled([first.catchUp(projection), second.catchUp(projection)]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    await first.catchUp(projection);

    const rows: Array<{ events: number }> = await db.dataSource.query(
      `SELECT events FROM read_models.tally_pair WHERE stream_id LIKE 'pair-%'`,
    );
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.events === 20)).toBe(true);
  });
});
