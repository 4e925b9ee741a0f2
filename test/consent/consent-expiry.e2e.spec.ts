import { ConsentExpiry } from '../../apps/api/src/process-managers/consent-expiry';
import { apiAs } from '../support/api-client';
import { parentalConsent } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** A consent runs until the day before it expires; on that day the platform records its expiry. */
describe('consent expiry, recorded by the platform', () => {
  let platform: PlatformUnderTest;
  let now = new Date('2026-12-01T09:00:00Z');

  beforeAll(async () => {
    platform = await startPlatform('consent_expiry', {}, { clock: () => now });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('records ConsentExpired once the expiry day comes, once, and coverage ends with it', async () => {
    const senco = await apiAs(platform, 'senco.oakfield');
    const childId = (
      await senco.post('/children').send({
        givenName: 'Ava',
        familyName: 'Example',
        dateOfBirth: '2015-03-03',
        schoolId: 'school-oakfield',
        yearGroup: 6,
        flags: [],
      })
    ).body.childId;
    await senco
      .post(`/children/${childId}/consents`)
      .send({ ...parentalConsent, expiresOn: '2026-12-10' })
      .expect(201);
    const expiry = platform.app.get(ConsentExpiry);

    expect(await expiry.recordDue()).toBe(0);
    now = new Date('2026-12-10T07:00:00Z');
    expect(await expiry.recordDue()).toBe(1);
    expect(await expiry.recordDue()).toBe(0);

    const [consent] = (await senco.get(`/children/${childId}/consents`).expect(200)).body;
    expect(consent.expiryRecordedOn).toBe('2026-12-10');
    const coverage = await senco
      .get(
        `/children/${childId}/consent-coverage?purpose=learning-mentor-support&agencyId=school-oakfield&category=education&at=2026-12-10T08:00:00Z`,
      )
      .expect(200);
    expect(coverage.body).toMatchObject({ covered: false, reason: 'expired' });
    const { rows } = await platform.db.pool.query(
      `SELECT metadata->'actor'->>'userId' AS by FROM event_store.events WHERE type = 'ConsentExpired'`,
    );
    expect(rows).toEqual([{ by: 'system:consent-expiry' }]);
  });
});
