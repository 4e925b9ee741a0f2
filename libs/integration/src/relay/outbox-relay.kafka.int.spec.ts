import { fixtureInstant } from '@app/event-store/testing';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { KafkaPublisher } from '../kafka/kafka-publisher';
import type { MessagePublisher } from '../kafka/message-publisher.port';
import { pseudonymousChildId } from '../outbox/pseudonym';
import { describeWithKafka, readTopic, testKafka } from '../testing/kafka-test-broker';
import { outboxedStore, toAppend } from '../testing/outboxed-store';
import { sampleDomainEvents } from '../testing/recorded-event';
import { OutboxRelay } from './outbox-relay';
import { outboxStatus } from './outbox-status';

describeWithKafka('outbox relay -> Kafka (real broker)', (brokers) => {
  let db: TestDatabase;
  let setup: ReturnType<typeof outboxedStore>;
  let publisher: KafkaPublisher;
  let relay: OutboxRelay;
  const kafka = testKafka(brokers);
  const relayLog: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('relay_kafka');
    setup = outboxedStore(db.pool);
    publisher = new KafkaPublisher(testKafka(brokers, relayLog));
    relay = new OutboxRelay({
      pool: db.pool,
      publisher,
      clock: () => fixtureInstant,
      log: (line) => relayLog.push(line),
    });
  });
  afterAll(async () => {
    await relay.stop();
    await publisher.close();
    await setup.store.close();
    await db.drop();
  });

  it('publishes an outbox row to its topic, keyed by the pseudonymous child id, with the headers, after the broker acked', async () => {
    const childId = randomUUID();
    const disclosure = toAppend('DisclosureMade', sampleDomainEvents.DisclosureMade(childId));
    await setup.store.append(`disclosure-${childId}`, [disclosure], 'no-stream');
    expect((await outboxStatus(db.pool)).depth).toBe(1);

    await relay.drain();

    const [message, ...more] = await readTopic(
      kafka,
      'disclosure-to-agency.v2',
      (m) => m.headers['event-id'] === disclosure.eventId,
      (kept) => kept.length >= 1,
    );
    expect(more).toHaveLength(0);
    const childRef = pseudonymousChildId(setup.pseudonymKey, childId);
    expect(message.key).toBe(childRef);
    expect(message.headers).toEqual({
      'event-id': disclosure.eventId,
      'event-type': 'disclosure-to-agency',
      'schema-version': '2',
      'correlation-id': disclosure.metadata.correlationId,
      'source-event-type': 'DisclosureMade',
      'recipient-agency': 'health',
    });
    expect(JSON.parse(message.value ?? 'null')).toEqual({
      childRef,
      disclosureId: 'disclosure-1',
      decisionId: 'decision-1',
      recipientAgencyId: 'health',
      basis: { kind: 'consent', consentId: 'consent-1' },
      categories: ['attendance', 'health'],
      fields: { attendance: ['percent'], health: ['summary'] },
      disclosedAt: '2025-11-20T12:00:00.000Z',
      occurredAt: expect.any(String),
    });
    const status = await outboxStatus(db.pool);
    expect(status).toMatchObject({ depth: 0, oldestUnpublishedAgeSeconds: 0 });
  });

  it('never publishes a row that breaks its contract; it is kept as failed with the reason', async () => {
    const childId = randomUUID();
    const childRef = pseudonymousChildId(setup.pseudonymKey, childId);
    const tampered = randomUUID();
    // Written past the hook (a bug, a hand edit): the relay checks again before publishing.
    await db.pool.query(
      `INSERT INTO integration.outbox (event_id, integration_type, topic, key, headers, payload)
       VALUES ($1, 'consent-withdrawn', 'consent-withdrawn.v1', $2, $3, $4)`,
      [
        tampered,
        childRef,
        { 'event-id': tampered, 'event-type': 'consent-withdrawn', 'schema-version': '1', 'correlation-id': 'c' },
        { childRef, childName: 'Amira Khan' },
      ],
    );
    const after = toAppend('ConsentWithdrawn', sampleDomainEvents.ConsentWithdrawn(childId));
    await setup.store.append(`consent-${childId}`, [after], 'no-stream');

    await relay.drain();

    const messages = await readTopic(
      kafka,
      'consent-withdrawn.v1',
      (m) => m.key === childRef,
      (kept) => kept.some((m) => m.headers['event-id'] === after.eventId),
    );
    expect(messages.map((m) => m.headers['event-id'])).toEqual([after.eventId]);
    const { rows } = await db.pool.query(
      'SELECT failed_at, published_at, last_error FROM integration.outbox WHERE event_id = $1',
      [tampered],
    );
    expect(rows[0]).toMatchObject({
      published_at: null,
      failed_at: expect.any(Date),
      last_error: expect.stringContaining('childName'),
    });
    expect((await outboxStatus(db.pool)).failed).toBe(1);
  });

  it('publishes every child in order, each message once, when the relay runs on its own', async () => {
    const children = [randomUUID(), randomUUID(), randomUUID()];
    const appended: { childId: string; eventId: string }[] = [];
    for (let round = 0; round < 4; round += 1) {
      for (const childId of children) {
        const event = toAppend('MastRequestMade', {
          ...sampleDomainEvents.MastRequestMade(childId),
          requestId: `req-${round}`,
        });
        await setup.store.append(`mast-request-${childId}-${round}`, [event], 'no-stream');
        appended.push({ childId, eventId: event.eventId });
      }
    }
    relay.start();
    const ids = new Set(appended.map((a) => a.eventId));
    const messages = await readTopic(
      kafka,
      'mast-request-received.v1',
      (m) => ids.has(m.headers['event-id']),
      (kept) => kept.length >= ids.size,
    );
    await relay.stop();

    expect(messages).toHaveLength(ids.size);
    for (const childId of children) {
      const key = pseudonymousChildId(setup.pseudonymKey, childId);
      const expected = appended.filter((a) => a.childId === childId).map((a) => a.eventId);
      expect(messages.filter((m) => m.key === key).map((m) => m.headers['event-id'])).toEqual(expected);
    }
  });

  it('holds no transaction id while the broker has the batch, so readers of the event log are never held back', async () => {
    const childId = randomUUID();
    await setup.store.append(
      `consent-${childId}`,
      [toAppend('ConsentWithdrawn', sampleDomainEvents.ConsentWithdrawn(childId))],
      'no-stream',
    );
    const xidsDuringSend: number[] = [];
    const watching: MessagePublisher = {
      publish: async (messages) => {
        const { rows } = await db.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL`,
        );
        xidsDuringSend.push(rows[0].n);
        await publisher.publish(messages);
      },
      close: () => publisher.close(),
    };
    const watched = new OutboxRelay({
      pool: db.pool,
      publisher: watching,
      clock: () => fixtureInstant,
      log: (line) => relayLog.push(line),
    });
    expect(await watched.drain()).toBe(1);
    expect(xidsDuringSend).toEqual([0]);
  });
});
