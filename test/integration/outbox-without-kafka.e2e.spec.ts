import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { sampleDomainEvents } from '@app/integration/testing/recorded-event';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';
import { fixtureInstant } from '@app/event-store/testing/fixture-instant';

/** Without KAFKA_BROKERS integration events wait in the outbox, readable through the API (DESIGN §2). */
describe('the outbox through the API, with no broker configured', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatform('outbox_api', { KAFKA_BROKERS: '' });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('shows the pending integration event, pseudonymous and without personal data, to the dpo only', async () => {
    const childId = randomUUID();
    const eventId = randomUUID();
    await platform.runtime.eventStore.append(
      `consent-${childId}`,
      [
        {
          eventId,
          type: 'ConsentWithdrawn',
          schemaVersion: 1,
          data: sampleDomainEvents.ConsentWithdrawn(childId),
          occurredAt: fixtureInstant,
          metadata: { actor: { userId: 'dsl.oakfield', role: 'dsl', agencyId: 'school-oakfield' }, correlationId: randomUUID(), childId },
        },
      ],
      'no-stream',
    );
    const dpo = `Bearer ${await platform.tokenFor('dpo')}`;
    const pending = await request(platform.http).get('/integration/outbox?state=pending&topic=consent-withdrawn.v1').set('Authorization', dpo).expect(200);
    expect(pending.body).toEqual([expect.objectContaining({ eventId, topic: 'consent-withdrawn.v1', publishedAt: null })]);
    expect(JSON.stringify(pending.body)).not.toContain(childId);

    const published = await request(platform.http).get('/integration/outbox?state=published').set('Authorization', dpo).expect(200);
    expect(published.body).toEqual([]);
    await request(platform.http).get('/integration/outbox?state=lost').set('Authorization', dpo).expect(400);
    await request(platform.http).get('/integration/outbox').set('Authorization', `Bearer ${await platform.tokenFor('senco.oakfield')}`).expect(403);
  });
});
