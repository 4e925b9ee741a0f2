import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { LocalIssuer } from '@app/access';
import { SOCIAL_CARE_CASE_UPDATES } from '@app/integration';
import { IntegrationWorkers } from '@app/integration';
import { ensureTopics } from '@app/integration';
import { pseudonymousChildId } from '@app/integration';
import { eventually } from '@app/integration/testing';
import { describeWithKafka, readTopic, testKafka } from '@app/integration/testing';
import { loadConfig } from '@app/platform';
import { openPlatform, type PlatformRuntime } from '@app/composition';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { createApiApplication } from '../../apps/api/src/bootstrap';
import { apiAs } from '../support/api-client';
import { appendConsentWithdrawn } from '../support/consent-withdrawn-appended';

/** The single process as `npm start` runs it with KAFKA_BROKERS set: API, projections, relay, inbound consumer. */
describeWithKafka('integration bus in the single process (real PostgreSQL, real broker)', (brokers) => {
  let db: TestDatabase;
  let dataDir: string;
  let runtime: PlatformRuntime;
  let workers: IntegrationWorkers;
  let app: INestApplication;
  const kafka = testKafka(brokers);

  beforeAll(async () => {
    db = await createTestDatabase('integration_bus');
    dataDir = mkdtempSync(join(tmpdir(), 'mast-integration-bus-'));
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      MIGRATION_DATABASE_URL: db.ownerUrl,
      DATA_DIR: dataDir,
      EVENTSTORE_URL: '',
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_CLIENT_ID: `e2e-${randomUUID().slice(0, 8)}`,
    });
    runtime = await openPlatform(config, { log: () => undefined });
    await runtime.projections.start();
    workers = await IntegrationWorkers.start({
      pool: runtime.pool,
      eventStore: runtime.eventStore,
      brokers,
      clientId: config.kafkaClientId,
      log: () => undefined,
      clock: runtime.clock,
    });
    app = await createApiApplication(runtime, { logger: false, integration: workers });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await workers?.stop();
    await runtime?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an anchor of the access log reaches audit-anchors.v1 through the outbox (ADR 013)', async () => {
    const issuer = await LocalIssuer.open(dataDir);
    const dpo = await apiAs({ http: app.getHttpServer(), tokenFor: (userId) => issuer.sign(userId) }, 'dpo');
    const anchor = (await dpo.post('/audit/anchors').expect(201)).body;
    const [message] = await readTopic(
      kafka,
      'audit-anchors.v1',
      (m) => m.headers['event-id'] === anchor.anchorId,
      (kept) => kept.length === 1,
    );
    expect(JSON.parse(message.value ?? 'null')).toEqual(anchor);
  });

  it('an event appended by the platform reaches its topic, personal fields left behind', async () => {
    const { childId, eventId } = await appendConsentWithdrawn(runtime.eventStore);
    const [message] = await readTopic(
      kafka,
      'consent-withdrawn.v1',
      (m) => m.headers['event-id'] === eventId,
      (kept) => kept.length === 1,
    );
    expect(message.key).toBe(pseudonymousChildId(runtime.pseudonymKey, childId));
    expect(message.value).not.toContain('Sara Khan');
    expect(message.value).not.toContain(childId);
  });

  it('reports outbox depth and relay lag in readiness and in /metrics', async () => {
    await eventually(
      'the outbox to be empty',
      async () => (await request(app.getHttpServer()).get('/health/ready')).body.integration?.outbox.depth === 0,
      30_000,
    );
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.integration).toMatchObject({
      outbox: { depth: 0, oldestUnpublishedAgeSeconds: 0, failed: 0 },
      relay: { consecutiveFailures: 0, published: expect.any(Number) },
    });
    const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.text).toContain('# TYPE mast_outbox_depth gauge\nmast_outbox_depth 0\n');
    expect(metrics.text).toMatch(/\nmast_outbox_oldest_unpublished_age_seconds 0\n/);
    expect(metrics.text).toMatch(/\nmast_relay_running 1\n/);
    expect(metrics.text).toMatch(/\nmast_relay_published_total [1-9]\d*\n/);
  });

  it('consumes social-care case updates into the social-care case stream', async () => {
    const caseId = `case-${randomUUID()}`;
    const messageId = randomUUID();
    await ensureTopics(kafka, [SOCIAL_CARE_CASE_UPDATES]);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic: SOCIAL_CARE_CASE_UPDATES,
      acks: -1,
      messages: [
        {
          key: caseId,
          value: JSON.stringify({
            messageId,
            type: 'child-protection-plan-started',
            caseId,
            childRef: 'd'.repeat(64),
            startedOn: '2025-11-03',
          }),
        },
      ],
    });
    await producer.disconnect();
    await eventually(
      'the update to reach the case stream',
      async () => (await runtime.eventStore.readStream(`social-care-case-${caseId}`)).length === 1,
      60_000,
    );
    const [event] = await runtime.eventStore.readStream(`social-care-case-${caseId}`);
    expect(event).toMatchObject({
      type: 'ChildProtectionPlanStarted',
      metadata: { causationId: messageId, actor: { userId: 'system:social-care-inbound' } },
    });
  });
});
