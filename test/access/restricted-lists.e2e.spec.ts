import type { ConsentScope } from '@app/domain';
import { endingSessions, steps } from '@app/domain/testing';
import { BOX_16_CHECKLIST, GOLDEN_RULES } from '@app/domain';
import { apiClient, stepBody } from '../support/api-client';
import { parentalConsent, parentalConsentTo } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** Consent to one purpose for one recipient, told to the family in those words. */
const consentTo = (
  purpose: ConsentScope['purposes'][number],
  recipient: ConsentScope['recipients'][number],
  categories: ConsentScope['categories'],
) => parentalConsentTo(purpose, recipient, { purposes: [purpose], recipients: [recipient], categories });

/**
 * A restricted child is on every list that names children only for the
 * users named on the restriction. Ellis is on all of them: school lists, the MAST panel's
 * agenda, decision log, deadlines and a key worker's caseload, social care's referrals, the
 * health agency's received information and correction notices, a user's own access history.
 * Each list is read by a named user (Ellis is there) and by one who is not (Ellis is not, and
 * nothing of Ellis is), while the other children stay on the lists.
 */
describe('a restricted record never leaks through a list', () => {
  let platform: PlatformUnderTest;
  let now = new Date('2026-12-01T12:00:00Z');
  const api = apiClient(() => platform);
  const { as, get } = api;
  /** Seeding: a refused step stops the suite here rather than in a later assertion. */
  const post = async (userId: string, path: string, payload: object = {}) => {
    const answer = await api.post(userId, path, payload);
    if (answer.status >= 300)
      throw new Error(`${userId} POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const register = async (givenName: string, familyName: string) =>
    (
      await post('senco.oakfield', '/children', {
        givenName,
        familyName,
        dateOfBirth: '2013-06-11',
        schoolId: 'school-oakfield',
        yearGroup: 8,
        flags: [],
      })
    ).childId as string;
  const refer = async (childId: string, through: Array<[string, object]>) => {
    const { referralId } = await post('mentor.oakfield', '/referrals', stepBody(steps.refer, { childId }));
    for (const [name, payload] of through)
      await post(name === 'triage' ? 'senco.oakfield' : 'mentor.oakfield', `/referrals/${referralId}/${name}`, payload);
    return referralId as string;
  };
  const toActionPlan: Array<[string, object]> = [
    ['triage', stepBody(steps.triage, { mentorId: 'mentor.oakfield' })],
    ['mentoring-agreement', stepBody(steps.agree)],
    ['assessment', stepBody(steps.assess)],
    ['targets', stepBody(steps.targets)],
    ['action-plan', stepBody(steps.plan)],
    ['sessions', stepBody(steps.session)],
  ];

  let ellis: string;
  let noah: string;
  let cafId: string;
  let sharingId: string;

  beforeAll(async () => {
    platform = await startPlatform(
      'restricted_lists',
      { MAST_PANEL_WEEKDAY: '3', MAST_QUORUM_MEMBERS: '2', MAST_QUORUM_AGENCIES: '2' },
      { clock: () => now },
    );
    ellis = await register('Ellis', 'Brooks');
    noah = await register('Noah', 'Pike');
    for (const childId of [ellis, noah]) await post('senco.oakfield', `/children/${childId}/consents`, parentalConsent);
    await post(
      'senco.oakfield',
      `/children/${ellis}/consents`,
      consentTo('mast-involvement', 'mast', ['education', 'attendance', 'family-circumstances']),
    );
    await post(
      'senco.oakfield',
      `/children/${ellis}/consents`,
      consentTo('information-sharing', 'health', ['identity']),
    );
    await post(
      'senco.oakfield',
      `/children/${ellis}/consents`,
      consentTo('common-assessment', 'school-oakfield', ['education', 'health', 'family-circumstances']),
    );
    ({ cafId } = await post('mentor.oakfield', '/cafs', {
      childId: ellis,
      startedOn: '2026-12-01',
      reasonForAssessment: 'Attendance falling; tired in class',
    }));

    // School lists: one case closed (outcomes, follow-up due), one planning its ending, one awaiting triage; Noah awaits triage too.
    const heldAfterTheEnding: Array<[string, object]> = endingSessions.map((session) => [
      'sessions',
      stepBody(session),
    ]);
    await refer(ellis, [
      ...toActionPlan,
      ['reviews', stepBody(steps.reviewBeginEnding)],
      ['ending', stepBody(steps.ending)],
      ...heldAfterTheEnding,
      ['closure', stepBody(steps.close)],
    ]);
    await refer(ellis, [
      ...toActionPlan,
      ['reviews', stepBody(steps.reviewBeginEnding)],
      ['ending', stepBody(steps.ending)],
    ]);
    await refer(ellis, [...toActionPlan]);
    await refer(ellis, []);
    await refer(noah, []);

    // MAST: requested, listed on the Wednesday panel, accepted and allocated to a key worker.
    const { requestId } = await post('senco.oakfield', '/mast-requests', {
      childId: ellis,
      parentsInvolved: [{ name: 'Jo Smith', relationship: 'mother' }],
      needs: 'Mornings are chaotic; late most days',
      alreadyTried: 'Attendance meetings, breakfast club',
      levelOfNeed: 3,
    });
    now = new Date('2026-12-09T09:00:00Z');
    await post('mast.coordinator', '/mast-panels', { panelDate: '2026-12-09' });
    await post('mast.coordinator', '/mast-panels/2026-12-09/agenda');
    for (const userId of ['mast.coordinator', 'panel.health', 'panel.ews'])
      await post('mast.coordinator', '/mast-panels/2026-12-09/attendance', { userId });
    await post('mast.coordinator', '/mast-panels/2026-12-09/decisions', {
      requestId,
      decision: { outcome: 'accept-allocate', allocation: { workerId: 'keyworker.mast', kind: 'key-worker' } },
      reason: 'Family support with routines',
    });

    // Social care: a concern the DSL refers.
    const { concernId } = await post('mentor.oakfield', '/concerns', {
      childId: ellis,
      seenOrHeard: 'Ellis said he is scared to go home',
    });
    await post('dsl.oakfield', `/concerns/${concernId}/review`, {
      outcome: 'refer-to-social-care',
      reasons: 'Significant harm suspected',
      reviewedOn: '2026-12-09',
      referral: {
        ground: 'risk-of-significant-harm',
        urgency: 'immediate',
        categories: ['safeguarding', 'identity'],
        summary: 'Fear of going home',
      },
    });

    // Health: a disclosure on consent, then a correction the agency is told of.
    ({ sharingId } = await post('mentor.oakfield', '/sharing', {
      childId: ellis,
      origin: 'proactive',
      purpose: 'Drop-in',
      recipient: { agencyId: 'health' },
      categories: ['identity'],
    }));
    await post('mentor.oakfield', `/sharing/${sharingId}/basis`, { basis: { kind: 'consent' } });
    await post('mentor.oakfield', `/sharing/${sharingId}/checklist`, {
      answers: [...BOX_16_CHECKLIST, ...GOLDEN_RULES].map((item) => ({ item, answer: 'yes' })),
    });
    await post('mentor.oakfield', `/sharing/${sharingId}/decision`, {
      outcome: 'share',
      items: [{ record: 'child-record', fields: ['givenName', 'yearGroup'] }],
      reasons: 'Drop-in',
      redactions: [],
      familyTold: { informed: true, how: 'Letter' },
      validUntil: '2027-06-01',
    });
    await post('mentor.oakfield', `/sharing/${sharingId}/disclosures`, {
      recipient: { agencyId: 'health' },
      items: [{ recordRef: `child-record:${ellis}`, fields: ['givenName', 'yearGroup'] }],
      channel: 'platform',
    });
    const corrected = await (
      await as('senco.oakfield')
    )
      .patch(`/children/${ellis}`)
      .send({ yearGroup: 9, reason: 'Wrong year group at registration' });
    expect(corrected.status).toBe(200);

    // Before the restriction, the head teacher read Ellis's record: it is in his own history.
    expect((await get('head.oakfield', `/children/${ellis}`)).status).toBe(200);

    // A second social worker and a second school nurse, neither named on the restriction.
    await post('admin', '/users', {
      userId: 'social.worker.two',
      displayName: 'Sam Hill (social worker)',
      role: 'social-worker',
      agencyId: 'social-care',
    });
    await post('admin', '/users', {
      userId: 'practitioner.health.two',
      displayName: 'Ann Moore (school nurse)',
      role: 'practitioner',
      agencyId: 'health',
    });

    await (
      await as('dsl.oakfield')
    )
      .put(`/children/${ellis}/restriction`)
      .send({
        reason: 'A member of staff is the parent',
        namedUsers: ['senco.oakfield', 'panel.ews', 'keyworker.mast', 'social.worker', 'practitioner.health'],
      })
      .expect(200);
  });
  afterAll(async () => {
    await platform.close();
  });

  /** Every list that names children, with a user named on Ellis's restriction and one who is not. */
  const lists: Array<{ path: string; named: string; notNamed: string }> = [
    { path: '/schools/school-oakfield/referrals-awaiting-triage', named: 'senco.oakfield', notNamed: 'head.oakfield' },
    { path: '/schools/school-oakfield/pupil-register', named: 'senco.oakfield', notNamed: 'head.oakfield' },
    { path: '/schools/school-oakfield/action-plans', named: 'senco.oakfield', notNamed: 'head.oakfield' },
    {
      path: `/schools/school-oakfield/reviews-due?asOf=${steps.plan.reviewOn}`,
      named: 'senco.oakfield',
      notNamed: 'head.oakfield',
    },
    {
      path: `/schools/school-oakfield/endings-and-follow-ups?asOf=${steps.ending.endOn}`,
      named: 'senco.oakfield',
      notNamed: 'head.oakfield',
    },
    { path: '/schools/school-oakfield/outcomes', named: 'senco.oakfield', notNamed: 'head.oakfield' },
    { path: '/mast-panels/2026-12-09', named: 'panel.ews', notNamed: 'panel.health' },
    { path: '/mast/decision-log', named: 'panel.ews', notNamed: 'panel.health' },
    { path: '/mast/deadlines', named: 'panel.ews', notNamed: 'panel.health' },
    { path: '/mast/caseloads/keyworker.mast', named: 'keyworker.mast', notNamed: 'mast.coordinator' },
    { path: '/social-care/referrals', named: 'social.worker', notNamed: 'social.worker.two' },
    {
      path: '/agencies/health/received-information',
      named: 'practitioner.health',
      notNamed: 'practitioner.health.two',
    },
    { path: '/agencies/health/correction-notices', named: 'practitioner.health', notNamed: 'practitioner.health.two' },
    { path: '/audit/me/access-history', named: 'senco.oakfield', notNamed: 'head.oakfield' },
  ];

  it.each(lists)(
    '$path: Ellis for $named, named on the restriction; nothing of Ellis for $notNamed',
    async ({ path, named, notNamed }) => {
      const seen = await get(named, path);
      expect(seen.status).toBe(200);
      expect(JSON.stringify(seen.body)).toContain(ellis);

      const hidden = await get(notNamed, path);
      expect(hidden.status).toBe(200);
      const text = JSON.stringify(hidden.body);
      expect(text).not.toContain(ellis);
      expect(text).not.toMatch(/Ellis|Brooks/);
    },
  );

  it('refuses the CAF, its family copy and the sharing decision, read one child at a time, to staff not named', async () => {
    for (const path of [`/cafs/${cafId}`, `/cafs/${cafId}/family-copy`, `/sharing/${sharingId}`]) {
      expect((await get('senco.oakfield', path)).status).toBe(200);
      const refused = await get('head.oakfield', path);
      expect(refused.status).toBe(403);
      expect(refused.body.rule).toBe('access.restricted-record');
    }
  });

  it('keeps the other children on the list, and the counts that name no one', async () => {
    const awaiting = (await get('head.oakfield', '/schools/school-oakfield/referrals-awaiting-triage')).body as Array<{
      childId: string;
    }>;
    expect(awaiting.map((r) => r.childId)).toEqual([noah]);
    const caseloads = (await get('head.oakfield', '/schools/school-oakfield/caseloads')).body;
    expect(caseloads).toEqual([expect.objectContaining({ mentorId: 'mentor.oakfield', oneToOneCount: 2 })]);
  });

  it('shows Ellis again to whoever breaks the glass', async () => {
    await post('head.oakfield', `/children/${ellis}/break-glass`, {
      reason: 'Covering the SENCo at the review meeting today',
    });
    const register = (await get('head.oakfield', '/schools/school-oakfield/pupil-register')).body as Array<{
      childId: string;
    }>;
    expect(register.map((r) => r.childId)).toContain(ellis);
  });

  it('leaves the dpo’s audit views whole', async () => {
    const history = (await get('dpo', '/audit/users/head.oakfield/access-history')).body as Array<{
      childId: string | null;
    }>;
    expect(history.map((e) => e.childId)).toContain(ellis);
    expect((await get('dpo', '/disclosure-audit/agencies/health')).body).toEqual([
      expect.objectContaining({ childId: ellis }),
    ]);
  });
});
