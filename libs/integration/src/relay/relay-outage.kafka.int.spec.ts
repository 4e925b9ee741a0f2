import { fixtureInstant } from '@app/event-store/testing';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { KafkaPublisher } from '../kafka/kafka-publisher';
import { pseudonymousChildId } from '../outbox/pseudonym';
import { describeWithKafka, PrivateBroker, readTopic, testKafka } from '../testing/kafka-test-broker';
import { outboxedStore, toAppend } from '../testing/outboxed-store';
import { eventually } from '../testing/eventually';
import { sampleDomainEvents } from '../testing/recorded-event';
import { OutboxRelay } from './outbox-relay';
import { outboxStatus } from './outbox-status';

describeWithKafka('broker outage: the outbox backs up and drains, once per event id (real broker)', () => {
  // Its own broker: stopping the shared one would fail the Kafka suites running beside this one.
  const broker = new PrivateBroker();
  const brokers = broker.brokers;
  let db: TestDatabase;
  let setup: ReturnType<typeof outboxedStore>;
  let publisher: KafkaPublisher;
  let relay: OutboxRelay;
  const log: string[] = [];

  beforeAll(async () => {
    broker.start();
    db = await createTestDatabase('relay_outage');
    setup = outboxedStore(db.pool);
    publisher = new KafkaPublisher(testKafka(brokers, log));
    relay = new OutboxRelay({
      pool: db.pool,
      publisher,
      backoffBaseMs: 100,
      backoffMaxMs: 2000,
      clock: () => fixtureInstant,
      log: (line) => log.push(line),
    });
  }, 120_000);
  afterAll(async () => {
    await relay.stop();
    await publisher.close();
    await setup.store.close();
    await db.drop();
    broker.stop();
  }, 120_000);

  it('loses nothing while the broker is down and publishes each event exactly once after it returns', async () => {
    relay.start();
    // A first message proves the relay and topic work before the outage.
    const before = randomUUID();
    await setup.store.append(
      `consent-${before}`,
      [toAppend('ConsentWithdrawn', sampleDomainEvents.ConsentWithdrawn(before))],
      'no-stream',
    );
    await eventually('the first message to be published', async () => (await outboxStatus(db.pool)).depth === 0);

    broker.pause();
    const children = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const appended: { childId: string; eventId: string }[] = [];
    for (let round = 0; round < 5; round += 1) {
      for (const childId of children) {
        const event = toAppend('ConsentWithdrawn', {
          ...sampleDomainEvents.ConsentWithdrawn(childId),
          consentId: `consent-${round}`,
        });
        await setup.store.append(`consent-${childId}-${round}`, [event], 'no-stream');
        appended.push({ childId, eventId: event.eventId });
      }
    }
    await eventually('the relay to fail against the stopped broker', () => relay.status().consecutiveFailures >= 2);
    const backedUp = await outboxStatus(db.pool);
    expect(backedUp.depth).toBe(appended.length);
    expect(backedUp.oldestUnpublishedAgeSeconds).toBeGreaterThan(0);

    broker.start();
    await eventually(
      'the outbox to drain after the broker returned',
      async () => (await outboxStatus(db.pool)).depth === 0,
      90_000,
    );
    expect(relay.status().consecutiveFailures).toBe(0);

    const ids = new Set(appended.map((a) => a.eventId));
    const kafka = testKafka(brokers);
    const messages = await readTopic(
      kafka,
      'consent-withdrawn.v1',
      (m) => ids.has(m.headers['event-id']),
      (kept) => kept.length >= ids.size,
      60_000,
    );
    const perId = new Map<string, number>();
    for (const m of messages) perId.set(m.headers['event-id'], (perId.get(m.headers['event-id']) ?? 0) + 1);
    expect([...ids].filter((id) => perId.get(id) !== 1)).toEqual([]);
    expect(messages).toHaveLength(ids.size);
    for (const childId of children) {
      const key = pseudonymousChildId(setup.pseudonymKey, childId);
      expect(messages.filter((m) => m.key === key).map((m) => m.headers['event-id'])).toEqual(
        appended.filter((a) => a.childId === childId).map((a) => a.eventId),
      );
    }
    expect(log.some((line) => line.includes('retrying in'))).toBe(true);
  }, 180_000);
});
