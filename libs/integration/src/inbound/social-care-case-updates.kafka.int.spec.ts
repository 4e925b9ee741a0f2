import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { KafkaMessageSource } from '../kafka/kafka-message-source';
import { KafkaPublisher } from '../kafka/kafka-publisher';
import type { MessageSubscription } from '../kafka/message-publisher.port';
import { ensureTopics } from '../kafka/topics';
import { eventually } from '../testing/eventually';
import { describeWithKafka, readTopic, testKafka } from '../testing/kafka-test-broker';
import { outboxedStore } from '../testing/outboxed-store';
import { InboundMessages } from './inbound-messages';
import { SOCIAL_CARE_CASE_UPDATES, SocialCareCaseUpdates } from './social-care-case-updates';
import { fixtureInstant } from '@app/event-store/testing';

describeWithKafka('inbound social-care case updates (real broker)', (brokers) => {
  let db: TestDatabase;
  let setup: ReturnType<typeof outboxedStore>;
  let publisher: KafkaPublisher;
  let producer: Producer;
  let subscription: MessageSubscription;
  const kafka = testKafka(brokers);
  const log: string[] = [];
  const childRef = 'c'.repeat(64);

  const send = (key: string, value: unknown, headers: Record<string, string> = {}) =>
    producer.send({
      topic: SOCIAL_CARE_CASE_UPDATES,
      acks: -1,
      messages: [{ key, value: typeof value === 'string' ? value : JSON.stringify(value), headers }],
    });
  const caseEvents = async (caseId: string) =>
    (await setup.store.readStream(`social-care-case-${caseId}`)).map((e) => e.type);
  const outcomes = async (messageId: string) =>
    (
      await db.pool.query<{ outcome: string }>(
        'SELECT outcome FROM integration.inbound_messages WHERE message_id = $1',
        [messageId],
      )
    ).rows.map((r) => r.outcome);

  beforeAll(async () => {
    db = await createTestDatabase('social_care_inbound');
    setup = outboxedStore(db.pool);
    publisher = new KafkaPublisher(testKafka(brokers, log));
    const handler = new SocialCareCaseUpdates({
      eventStore: setup.store,
      inbound: new InboundMessages(db.pool),
      publisher,
      log: (l) => log.push(l),
      clock: () => fixtureInstant,
    });
    await ensureTopics(kafka, [SOCIAL_CARE_CASE_UPDATES]);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const source = new KafkaMessageSource(testKafka(brokers, log), {
      groupId: `test-social-care-${randomUUID()}`,
      log: (l) => log.push(l),
    });
    subscription = await source.subscribe(SOCIAL_CARE_CASE_UPDATES, (message) => handler.handle(message));
  });
  afterAll(async () => {
    await subscription?.stop();
    await producer?.disconnect();
    await publisher.close();
    await setup.store.close();
    await db.drop();
  });

  it('applies a valid update as a command on the social-care case', async () => {
    const caseId = `case-${randomUUID()}`;
    const messageId = randomUUID();
    await send(caseId, { messageId, type: 'child-protection-plan-started', caseId, childRef, startedOn: '2025-11-03' });
    await eventually('the update to be applied', async () => (await outcomes(messageId)).length === 1, 30_000);
    expect(await outcomes(messageId)).toEqual(['applied']);
    expect(await caseEvents(caseId)).toEqual(['ChildProtectionPlanStarted']);
  });

  it('applies a message id once, however often it is delivered', async () => {
    const caseId = `case-${randomUUID()}`;
    const started = {
      messageId: randomUUID(),
      type: 'child-protection-plan-started',
      caseId,
      childRef,
      startedOn: '2025-11-03',
    };
    const ended = {
      messageId: randomUUID(),
      type: 'child-protection-plan-ended',
      caseId,
      childRef,
      endedOn: '2026-01-10',
    };
    await send(caseId, started);
    await send(caseId, started); // a partner's retry
    await send(caseId, ended); // same key, same partition: handled after both copies
    await eventually(
      'the last update to be applied',
      async () => (await outcomes(ended.messageId)).length === 1,
      30_000,
    );
    expect(await caseEvents(caseId)).toEqual(['ChildProtectionPlanStarted', 'ChildProtectionPlanEnded']);
    expect(await outcomes(started.messageId)).toEqual(['applied']);
    expect(log.some((line) => line.includes(`${started.messageId} was applied before`))).toBe(true);
  });

  it('sends invalid messages to the dead-letter topic with the reason, and keeps consuming', async () => {
    const key = `bad-${randomUUID()}`;
    const caseId = `case-${randomUUID()}`;
    await send(key, '{not json', { 'message-source': 'test' });
    await send(key, { messageId: randomUUID(), type: 'case-reopened', caseId, childRef });
    await send(key, {
      messageId: randomUUID(),
      type: 'child-protection-plan-ended',
      caseId,
      childRef,
      endedOn: '2026-01-10',
    });
    const healthy = { messageId: randomUUID(), type: 'case-closed', caseId, childRef, closedOn: '2026-03-01' };
    await send(key, healthy);

    const dead = await readTopic(
      kafka,
      `${SOCIAL_CARE_CASE_UPDATES}.dlq`,
      (m) => m.key === key,
      (kept) => kept.length >= 3,
      30_000,
    );
    expect(dead.map((m) => m.headers['dlq-reason'])).toEqual([
      expect.stringMatching(/^not JSON/),
      expect.stringMatching(/^breaks the contract: social-care-case-updates\.v1: .*type/),
      'refused by the domain: social-care-case.no-active-plan: Case ' +
        caseId +
        ' has no child protection plan in place',
    ]);
    expect(dead[0]).toMatchObject({
      value: '{not json',
      headers: { 'message-source': 'test', 'dlq-source-topic': SOCIAL_CARE_CASE_UPDATES },
    });
    expect(dead.every((m) => /^\d+$/.test(m.headers['dlq-source-offset']))).toBe(true);
    await eventually(
      'the valid message after them to be applied',
      async () => (await outcomes(healthy.messageId)).length === 1,
      30_000,
    );
    expect(await caseEvents(caseId)).toEqual(['SocialCareCaseClosed']);
  });

  it('rejects an update within the contract whose event no read model could store, and keeps consuming', async () => {
    const key = `unstorable-${randomUUID()}`;
    const caseId = `case-${randomUUID()}`;
    await send(key, {
      messageId: randomUUID(),
      type: 'child-protection-plan-started',
      caseId: `${caseId}\ud800`,
      childRef,
      startedOn: '2025-11-03',
    });
    const healthy = {
      messageId: randomUUID(),
      type: 'child-protection-plan-started',
      caseId,
      childRef,
      startedOn: '2025-11-03',
    };
    await send(key, healthy);

    const [dead] = await readTopic(
      kafka,
      `${SOCIAL_CARE_CASE_UPDATES}.dlq`,
      (m) => m.key === key,
      (kept) => kept.length >= 1,
      30_000,
    );
    expect(dead.headers['dlq-reason']).toBe(
      "breaks the event's shape: caseId holds a NUL character or a lone surrogate",
    );
    await eventually(
      'the valid message after it to be applied',
      async () => (await outcomes(healthy.messageId)).length === 1,
      30_000,
    );
    expect(await caseEvents(caseId)).toEqual(['ChildProtectionPlanStarted']);
  });
});
