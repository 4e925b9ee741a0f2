import { steps } from '@app/domain/testing';
import { BOX_16_CHECKLIST, GOLDEN_RULES } from '@app/domain';
import { apiClient } from '../support/api-client';
import { parentalConsent, parentalConsentTo } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

const allAnswered = { answers: [...BOX_16_CHECKLIST, ...GOLDEN_RULES].map((item) => ({ item, answer: 'yes' })) };

/**
 * The attack as it was made: a consent to share attendance with health,
 * and behaviour and exclusions sent under it labelled "attendance". The category of each
 * field is the platform's (the field catalogue), so the label changes nothing; a CAF
 * contribution's category is its element's.
 */
describe("the category of disclosed information is the platform's, not the caller's", () => {
  let platform: PlatformUnderTest;
  const now = new Date('2026-12-01T09:00:00Z');
  const { get, post, registerChild } = apiClient(() => platform);
  const step = (sharingId: string, name: string, body: object) =>
    post('mentor.oakfield', `/sharing/${sharingId}/${name}`, body);
  const refusalsOf = async (userId: string) =>
    (
      await platform.db.pool.query(
        `SELECT reason FROM access.access_log WHERE user_id = $1 AND outcome = 'refused' ORDER BY seq`,
        [userId],
      )
    ).rows.map((r) => r.reason as string);
  let childId: string;
  let mentorCase: string;

  /** Proposed to the school nurse on these categories, consent recorded as the basis, checklist answered. */
  const proposed = async (categories: string[]) => {
    const sharingId = (
      await post('mentor.oakfield', '/sharing', {
        childId,
        origin: 'proactive',
        purpose: 'Attendance support with the school nurse',
        recipient: { agencyId: 'health' },
        categories,
      })
    ).body.sharingId as string;
    expect((await step(sharingId, 'basis', { basis: { kind: 'consent' } })).status).toBe(200);
    expect((await step(sharingId, 'checklist', allAnswered)).status).toBe(200);
    return sharingId;
  };
  const decision = (items: object[]) => ({
    outcome: 'share',
    items,
    reasons: 'The nurse plans support around attendance',
    redactions: [],
    familyTold: { informed: true, how: 'Told his mother' },
    validUntil: '2027-01-31',
  });
  const disclosure = (items: object[]) => ({ recipient: { agencyId: 'health' }, items, channel: 'platform' });

  beforeAll(async () => {
    platform = await startPlatform('sharing_catalogue', {}, { clock: () => now });
    childId = await registerChild({ givenName: 'Kai', dateOfBirth: '2013-03-01', yearGroup: 8 });
    expect((await post('senco.oakfield', `/children/${childId}/consents`, parentalConsent)).status).toBe(201);
    const { type: _type, referralId: _referral, ...refer } = steps.refer;
    const referred = await post('mentor.oakfield', '/referrals', { ...refer, childId });
    expect(referred.status).toBe(201);
    mentorCase = `mentor-case:${referred.body.referralId}`;
    const sharing = await post(
      'senco.oakfield',
      `/children/${childId}/consents`,
      parentalConsentTo('Telling the school nurse about attendance', 'School nursing', {
        purposes: ['information-sharing'],
        recipients: ['health'],
        categories: ['attendance'],
      }),
    );
    expect(sharing.status).toBe(201);
  });
  afterAll(async () => {
    await platform.close();
  });

  it('refuses behaviour and exclusions labelled attendance under a consent to attendance only, and logs the attempt', async () => {
    const sharingId = await proposed(['attendance']);
    const labelled = await step(
      sharingId,
      'decision',
      decision([
        {
          record: 'mentor-case',
          category: 'attendance',
          fields: ['attendanceAtReferral', 'behaviourAtReferral', 'exclusionsAtReferral'],
        },
      ]),
    );
    expect(labelled.status).toBe(403);
    expect(labelled.body).toMatchObject({ rule: 'sharing.items-beyond-request' });
    expect(labelled.body.message).toMatch(/behaviourAtReferral is behaviour/);
    expect((await refusalsOf('mentor.oakfield')).at(-1)).toMatch(/^sharing.items-beyond-request/);

    expect(
      (await step(sharingId, 'decision', decision([{ record: 'mentor-case', fields: ['attendanceAtReferral'] }])))
        .status,
    ).toBe(200);
    const sent = await step(
      sharingId,
      'disclosures',
      disclosure([
        { recordRef: mentorCase, category: 'attendance', fields: ['behaviourAtReferral', 'exclusionsAtReferral'] },
      ]),
    );
    expect(sent.status).toBe(403);
    expect(sent.body).toMatchObject({ rule: 'sharing.beyond-scope' });
    expect((await refusalsOf('mentor.oakfield')).at(-1)).toMatch(/^sharing.beyond-scope/);

    expect(
      (await step(sharingId, 'disclosures', disclosure([{ recordRef: mentorCase, fields: ['attendanceAtReferral'] }])))
        .status,
    ).toBe(200);
    const received = (await get('practitioner.health', `/agencies/health/received-information?childId=${childId}`))
      .body;
    expect(received).toEqual([
      expect.objectContaining({
        recordRef: mentorCase,
        category: 'attendance',
        values: { attendanceAtReferral: 84.5 },
      }),
    ]);
  });

  it('takes a CAF contribution only within the consent, for the category its element carries', async () => {
    const assessment = {
      purposes: ['common-assessment'],
      recipients: ['school-oakfield'],
      categories: ['education', 'health', 'family-circumstances'],
    };
    expect(
      (await post('senco.oakfield', `/children/${childId}/consents`, { ...parentalConsent, scope: assessment })).status,
    ).toBe(201);
    const cafId = (
      await post('mentor.oakfield', '/cafs', {
        childId,
        startedOn: '2026-12-01',
        reasonForAssessment: 'Needs broader than the school can meet',
      })
    ).body.cafId;
    const contribute = (element: string, text: string) =>
      post('mentor.oakfield', `/cafs/${cafId}/contributions`, {
        domain: 'development-of-the-child',
        element,
        text,
        recordedOn: '2026-12-01',
      });
    const behaviour = await contribute('behavioural-development', 'Four detentions this half term');
    expect(behaviour.status).toBe(403);
    expect(behaviour.body).toMatchObject({ rule: 'caf.contribution-beyond-consent', field: 'element' });
    expect(behaviour.body.message).toMatch(/behaviour/);
    expect((await refusalsOf('mentor.oakfield')).at(-1)).toMatch(/^caf.contribution-beyond-consent/);
    expect((await contribute('learning', 'Behind in maths, engaged when present')).status).toBe(200);
  });

  it('answers 400 naming an unknown field, an unknown kind of record, or a label that contradicts the catalogue', async () => {
    const sharingId = await proposed(['attendance']);
    const unknown = await step(
      sharingId,
      'decision',
      decision([{ record: 'mentor-case', fields: ['attendanceAtReferral', 'shoeSize'] }]),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ rule: 'sharing.field-unknown', field: 'items[0].fields[1]' });
    expect(unknown.body.message).toMatch(/shoeSize/);
    expect(
      (await step(sharingId, 'decision', decision([{ record: 'gp-notes', fields: ['summary'] }]))).body,
    ).toMatchObject({ rule: 'sharing.record-kind', field: 'items[0].record' });
    const mislabelled = await step(
      sharingId,
      'decision',
      decision([{ record: 'mentor-case', category: 'health', fields: ['attendanceAtReferral'] }]),
    );
    expect(mislabelled.status).toBe(400);
    expect(mislabelled.body).toMatchObject({ rule: 'sharing.category-mislabelled', field: 'items[0].category' });
    expect(mislabelled.body.message).toMatch(/attendanceAtReferral is attendance/);

    expect(
      (await step(sharingId, 'decision', decision([{ record: 'mentor-case', fields: ['attendanceAtReferral'] }])))
        .status,
    ).toBe(200);
    expect(
      (await step(sharingId, 'disclosures', disclosure([{ recordRef: mentorCase, fields: ['address'] }]))).body,
    ).toMatchObject({ rule: 'sharing.field-unknown', field: 'items[0].fields[0]' });
    expect(
      (
        await step(
          sharingId,
          'disclosures',
          disclosure([{ recordRef: mentorCase, category: 'health', fields: ['attendanceAtReferral'] }]),
        )
      ).body,
    ).toMatchObject({ rule: 'sharing.category-mislabelled' });
  });
});
