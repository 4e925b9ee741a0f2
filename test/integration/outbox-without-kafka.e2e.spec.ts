import { apiAs } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';
import { appendConsentWithdrawn } from '../support/consent-withdrawn-appended';

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
    const { childId, eventId } = await appendConsentWithdrawn(platform.runtime.eventStore);
    const dpo = await apiAs(platform, 'dpo');
    const pending = await dpo.get('/integration/outbox?state=pending&topic=consent-withdrawn.v1').expect(200);
    expect(pending.body).toEqual([
      expect.objectContaining({ eventId, topic: 'consent-withdrawn.v1', publishedAt: null }),
    ]);
    expect(JSON.stringify(pending.body)).not.toContain(childId);

    const published = await dpo.get('/integration/outbox?state=published').expect(200);
    expect(published.body).toEqual([]);
    await dpo.get('/integration/outbox?state=lost').expect(400);
    await (await apiAs(platform, 'senco.oakfield')).get('/integration/outbox').expect(403);
  });
});
