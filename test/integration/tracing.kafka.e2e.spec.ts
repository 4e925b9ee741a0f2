import { randomBytes, randomUUID } from 'node:crypto';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SOCIAL_CARE_CASE_UPDATES } from '@app/integration';
import { ensureTopics } from '@app/integration';
import { pseudonymousChildId } from '@app/integration';
import { eventually } from '@app/integration/testing';
import { describeWithKafka, readTopic, testKafka } from '@app/integration/testing';
import { startTracing, type Tracing } from '@app/platform';
import { apiAs } from '../support/api-client';
import { parentalConsent } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;
const traceOf = (span: ReadableSpan) => span.spanContext().traceId;

/** ADR 022: one trace from the HTTP request to the Kafka message, and from an inbound message to its command, read with the SDK's in-memory exporter. */
describeWithKafka('traces across HTTP, command, store, projection, relay and Kafka', (brokers) => {
  let platform: PlatformUnderTest;
  let tracing: Tracing;
  const exporter = new InMemorySpanExporter();
  const spans = () => exporter.getFinishedSpans();
  const named = (trace: string, prefix: string) =>
    spans().filter((s) => traceOf(s) === trace && s.name.startsWith(prefix));
  const personal = ['Ruby', 'Okoro', 'Jo Smith', '2016-02-02'];

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'mast-test', exporter })!;
    platform = await startPlatform('tracing_kafka', {
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_CLIENT_ID: `e2e-${randomUUID().slice(0, 8)}`,
    });
  });
  afterAll(async () => {
    await platform.close();
    await tracing.shutdown();
  });

  it('follows a withdrawal from the request through the command, the append, a projection and the relay to the message', async () => {
    const senco = await apiAs(platform, 'senco.oakfield');
    const child = await senco
      .post('/children')
      .send({
        givenName: 'Ruby',
        familyName: 'Okoro',
        dateOfBirth: '2016-02-02',
        schoolId: 'school-oakfield',
        yearGroup: 5,
        flags: [],
      })
      .expect(201);
    const childId: string = child.body.childId;
    const { consentId } = (await senco.post(`/children/${childId}/consents`).send(parentalConsent).expect(201)).body;
    await senco
      .post(`/children/${childId}/consents/${consentId}/withdrawal`)
      .send({
        withdrawnBy: { kind: 'parent-carer', name: 'Jo Smith', relationship: 'mother' },
        evidence: { form: 'written', documentRef: 'letter-2026-10' },
      })
      .expect(200);

    const key = pseudonymousChildId(platform.runtime.pseudonymKey, childId);
    const [message] = await readTopic(
      testKafka(brokers),
      'consent-withdrawn.v1',
      (m) => m.key === key,
      (kept) => kept.length >= 1,
    );
    const [, traceId, messageParent] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(message.headers.traceparent)!;

    const [http] = named(traceId, 'POST /children/:childId/consents/:consentId/withdrawal');
    expect(http).toBeDefined();
    expect(parentOf(http)).toBeUndefined(); // the root: the request started the trace
    await eventually(
      'the projection and the relay spans to end',
      () => named(traceId, 'projection ').length > 0 && named(traceId, 'publish ').length > 0,
      10_000,
    );
    const [command] = named(traceId, 'command ');
    expect(parentOf(command)).toBe(idOf(http));
    const [append] = named(traceId, 'event-store append');
    expect(parentOf(append)).toBe(idOf(command));
    expect(append.attributes['mast.event.types']).toEqual(['ConsentWithdrawn']);
    const projections = named(traceId, 'projection ');
    expect(projections.every((p) => parentOf(p) === idOf(append))).toBe(true);
    expect(projections.map((p) => p.attributes['mast.event.type'])).toContain('ConsentWithdrawn');
    const [publish] = named(traceId, 'publish consent-withdrawn.v1');
    expect(parentOf(publish)).toBe(idOf(append));
    expect(messageParent).toBe(idOf(publish)); // the message names the send as its parent

    for (const span of spans()) {
      const text = JSON.stringify(span.attributes) + span.name;
      for (const value of [...personal, childId]) expect(text).not.toContain(value);
    }
  });

  it("continues the sender's trace from an inbound message to its command and append", async () => {
    const traceId = randomBytes(16).toString('hex');
    const senderSpan = randomBytes(8).toString('hex');
    const caseId = `case-${randomUUID()}`;
    const kafka = testKafka(brokers);
    await ensureTopics(kafka, [SOCIAL_CARE_CASE_UPDATES]);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic: SOCIAL_CARE_CASE_UPDATES,
      acks: -1,
      messages: [
        {
          key: caseId,
          headers: { traceparent: `00-${traceId}-${senderSpan}-01` },
          value: JSON.stringify({
            messageId: randomUUID(),
            type: 'child-protection-plan-started',
            caseId,
            childRef: 'd'.repeat(64),
            startedOn: '2025-11-03',
          }),
        },
      ],
    });
    await producer.disconnect();

    await eventually('the inbound command to be traced', () => named(traceId, 'event-store append').length > 0, 60_000);
    const [consume] = named(traceId, `consume ${SOCIAL_CARE_CASE_UPDATES}`);
    expect(parentOf(consume)).toBe(senderSpan);
    const [command] = named(traceId, 'command RecordChildProtectionPlanStarted');
    expect(parentOf(command)).toBe(idOf(consume));
    const [append] = named(traceId, 'event-store append');
    expect(parentOf(append)).toBe(idOf(command));
    const [event] = await platform.runtime.eventStore.readStream(`social-care-case-${caseId}`);
    expect(event.metadata.traceparent).toMatch(new RegExp(`^00-${traceId}-${idOf(append)}-01$`));
  });
});
