import { randomBytes, randomUUID } from 'node:crypto';
import { eventCatalogue } from '@app/domain';
import { ChildDataKeys } from '@app/event-store';
import { ProtectedEventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/projections';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { toAppend } from '../testing/outboxed-store';
import { sampleDomainEvents } from '../testing/recorded-event';
import { derivedOutboxProjection } from './derived-outbox.projection';
import { pseudonymousChildId } from './pseudonym';

/**
 * The derived outbox (what EventStoreDB deployments use) over a store with no append hook:
 * the PostgreSQL store without hooks stands in for any store that shares no transaction.
 */
describe('derived outbox: a checkpointed projection writes the rows', () => {
  let db: TestDatabase;
  let store: ProtectedEventStore;
  const pseudonymKey = randomBytes(32);

  beforeAll(async () => {
    db = await createTestDatabase('derived_outbox');
    store = new ProtectedEventStore(
      new PostgresEventStore({ pool: db.pool }),
      new ChildDataKeys(db.pool, randomBytes(32)),
      eventCatalogue,
    );
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('writes each integration event once, from revealed events, across a restart', async () => {
    const childId = randomUUID();
    const withdrawn = toAppend('ConsentWithdrawn', sampleDomainEvents.ConsentWithdrawn(childId));
    const appended = await store.append(
      `consent-${childId}`,
      [withdrawn, toAppend('SomethingInternal', { childId })],
      'no-stream',
    );
    const last = appended.events[appended.events.length - 1].checkpoint;

    const first = new ProjectionRunner(db.dataSource, store, [derivedOutboxProjection(pseudonymKey)]);
    await first.start();
    expect(await first.waitFor(last, 30_000)).toBe(true);
    await first.stop();
    // A second runner starts from the stored checkpoint; replaying a batch would add nothing either.
    const second = new ProjectionRunner(db.dataSource, store, [derivedOutboxProjection(pseudonymKey)]);
    await second.catchUp(second.projections[0]);
    await second.stop();

    const { rows } = await db.pool.query('SELECT event_id, topic, key, payload, failed_at FROM integration.outbox');
    expect(rows).toEqual([
      {
        event_id: withdrawn.eventId,
        topic: 'consent-withdrawn.v1',
        key: pseudonymousChildId(pseudonymKey, childId),
        payload: expect.objectContaining({
          consentId: 'consent-1',
          withdrawnBy: { kind: 'parent-carer', relationship: 'mother' },
        }),
        failed_at: null,
      },
    ]);
  });
});
