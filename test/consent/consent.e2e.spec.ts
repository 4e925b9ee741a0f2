import { apiClient } from '../support/api-client';
import { parentalConsent } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** Consent as the gate (Box 14): given, asked about, withdrawn, and asked about again. */
describe('consent through the API', () => {
  let platform: PlatformUnderTest;
  let childId: string;
  const { as } = apiClient(() => platform);
  const coverage = async (category = 'attendance') =>
    (
      await (
        await as('mentor.oakfield')
      )
        .get(
          `/children/${childId}/consent-coverage?purpose=learning-mentor-support&agencyId=school-oakfield&category=${category}`,
        )
        .expect(200)
    ).body;

  beforeAll(async () => {
    platform = await startPlatform('consent_api');
    const created = await (
      await as('senco.oakfield')
    )
      .post('/children')
      .send({
        givenName: 'Leo',
        familyName: 'Smith',
        dateOfBirth: '2015-05-14',
        schoolId: 'school-oakfield',
        yearGroup: 6,
        flags: [],
      })
      .expect(201);
    childId = created.body.childId;
  });
  afterAll(async () => {
    await platform.close();
  });

  it('a parent consents for a Year 6 pupil: covered by that consent, only within its scope', async () => {
    const given = await (
      await as('senco.oakfield')
    )
      .post(`/children/${childId}/consents`)
      .send(parentalConsent)
      .expect(201);
    expect(await coverage()).toMatchObject({
      covered: true,
      consentId: given.body.consentId,
      giverKind: 'parent-carer',
    });
    expect(await coverage('health')).toMatchObject({ covered: false, reason: 'out-of-scope' });
  });

  it('a withdrawal stops coverage at once, and the list shows the whole history', async () => {
    const [consent] = (await (await as('mentor.oakfield')).get(`/children/${childId}/consents`).expect(200)).body;
    await (
      await as('dsl.oakfield')
    )
      .post(`/children/${childId}/consents/${consent.consentId}/withdrawal`)
      .send({
        withdrawnBy: { kind: 'parent-carer', name: 'Jo Smith', relationship: 'mother' },
        evidence: { form: 'verbal', witnessedBy: 'dsl.oakfield' },
        reason: 'Family moving away',
      })
      .expect(200);
    expect(await coverage()).toMatchObject({ covered: false, reason: 'withdrawn', consentId: consent.consentId });
    await (
      await as('dsl.oakfield')
    )
      .post(`/children/${childId}/consents/${consent.consentId}/withdrawal`)
      .send({
        withdrawnBy: { kind: 'parent-carer', name: 'Jo Smith', relationship: 'mother' },
        evidence: { form: 'verbal', witnessedBy: 'dsl.oakfield' },
      })
      .expect(409);
  });

  it.each([
    [{ ...parentalConsent, decision: 'maybe' }, 'decision'],
    [{ ...parentalConsent, decidedOn: '7 Sept' }, 'decidedOn'],
    [{ ...parentalConsent, scope: { ...parentalConsent.scope, purposes: ['marketing'] } }, 'scope'],
    [{ ...parentalConsent, giver: { kind: 'neighbour' } }, 'giver'],
  ])('refuses bad input with 400 naming the field (%#)', async (body, field) => {
    const refused = await (await as('senco.oakfield')).post(`/children/${childId}/consents`).send(body).expect(400);
    expect(String(refused.body.field)).toContain(field);
  });

  it('refuses coverage questions with bad parameters with 400, never 500', async () => {
    const mentor = await as('mentor.oakfield');
    await mentor
      .get(
        `/children/${childId}/consent-coverage?purpose=learning-mentor-support&agencyId=school-oakfield&category=attendance&at=yesterday`,
      )
      .expect(400);
    await mentor
      .get(`/children/${childId}/consent-coverage?purpose=fun&agencyId=school-oakfield&category=attendance`)
      .expect(400);
  });

  it('is recorded and read only by staff of the child’s school', async () => {
    await (await as('senco.riverside')).post(`/children/${childId}/consents`).send(parentalConsent).expect(403);
    await (await as('social.worker')).get(`/children/${childId}/consents`).expect(403);
  });
});
