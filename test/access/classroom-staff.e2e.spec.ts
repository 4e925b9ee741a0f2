import { steps } from '@app/domain/testing';
import { apiClient } from '../support/api-client';
import { parentalConsent } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/**
 * 002: "Referral can be via parent, teacher, Teaching assistant or the child
 * themselves". Teachers and teaching assistants read the children of their own school, refer
 * and raise concerns; triage, consent, sharing and the DSL's acts are not theirs.
 */
describe('teachers and teaching assistants', () => {
  let platform: PlatformUnderTest;
  const { get, post, registerChild } = apiClient(() => platform);
  const referralBy = (userId: string, source: string, childId: string) => ({
    childId,
    schoolId: 'school-oakfield',
    referredOn: '2026-11-30',
    source,
    referrer: { role: source, userId },
    reasons: ['low-confidence-and-self-esteem'],
  });
  let childId: string;

  beforeAll(async () => {
    platform = await startPlatform('classroom_staff');
    childId = await registerChild({ givenName: 'Leo', dateOfBirth: '2016-05-02', yearGroup: 5 });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('are in the directory at both schools', async () => {
    const users = (await get('admin', '/users')).body as Array<{ userId: string; role: string; agencyId: string }>;
    expect(users).toEqual(
      expect.arrayContaining(
        [
          ['teacher.oakfield', 'teacher', 'school-oakfield'],
          ['ta.oakfield', 'teaching-assistant', 'school-oakfield'],
          ['teacher.riverside', 'teacher', 'school-riverside'],
          ['ta.riverside', 'teaching-assistant', 'school-riverside'],
        ].map(([userId, role, agencyId]) => expect.objectContaining({ userId, role, agencyId })),
      ),
    );
  });

  it('read a child of their own school, refer and raise a concern', async () => {
    expect((await get('teacher.oakfield', `/children/${childId}`)).body).toMatchObject({ childId, givenName: 'Leo' });
    expect(
      (await post('ta.oakfield', '/referrals', referralBy('ta.oakfield', 'teaching-assistant', childId))).status,
    ).toBe(201);
    expect(
      (await post('teacher.oakfield', '/referrals', referralBy('teacher.oakfield', 'teacher', childId))).status,
    ).toBe(201);
    expect(
      (
        await post('ta.oakfield', '/concerns', {
          childId,
          seenOrHeard: 'Leo came in without a coat again and was shivering',
        })
      ).status,
    ).toBe(201);
  });

  it('do not triage, record consent, share, or review a concern', async () => {
    const referralId = (
      await post('teacher.oakfield', '/referrals', referralBy('teacher.oakfield', 'teacher', childId))
    ).body.referralId;
    const { type: _type, referralId: _referral, ...triage } = steps.triage as unknown as Record<string, unknown>;
    for (const userId of ['teacher.oakfield', 'ta.oakfield']) {
      expect(
        (await post(userId, `/referrals/${referralId}/triage`, { ...triage, mentorId: 'mentor.oakfield' })).status,
      ).toBe(403);
      expect((await get(userId, `/referrals/${referralId}`)).status).toBe(403);
      expect((await post(userId, `/children/${childId}/consents`, parentalConsent)).status).toBe(403);
      expect(
        (
          await post(userId, '/sharing', {
            childId,
            origin: 'proactive',
            purpose: 'x',
            recipient: { agencyId: 'health' },
            categories: ['identity'],
          })
        ).status,
      ).toBe(403);
      expect((await get(userId, '/schools/school-oakfield/pupil-register')).status).toBe(403);
    }
    const concernId = (
      await post('teacher.oakfield', '/concerns', { childId, seenOrHeard: 'Leo flinched when his name was shouted' })
    ).body.concernId;
    expect(
      (
        await post('teacher.oakfield', `/concerns/${concernId}/review`, {
          outcome: 'monitor',
          reasons: 'x',
          reviewedOn: '2026-11-30',
        })
      ).status,
    ).toBe(403);
  });

  it("see nothing of another school's children", async () => {
    expect((await get('teacher.riverside', `/children/${childId}`)).status).toBe(403);
    expect((await post('ta.riverside', '/concerns', { childId, seenOrHeard: 'x' })).status).toBe(403);
    expect(
      (await post('teacher.riverside', '/referrals', referralBy('teacher.riverside', 'teacher', childId))).status,
    ).toBe(403);
  });
});
