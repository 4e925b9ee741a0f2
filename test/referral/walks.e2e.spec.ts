import { endingSessions, steps } from '@app/domain/testing';
import { apiAs, stepBody, type ApiAgent } from '../support/api-client';
import { parentalConsent } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** The request body of a step: the domain's example command, less what the platform supplies. */

/** Four cases from the seeds, walked through the API as a school would. */
describe('learning-mentor casework walks (R.A.F.I.E., consent as the gate)', () => {
  let platform: PlatformUnderTest;
  let senco: ApiAgent;
  let mentor: ApiAgent;

  beforeAll(async () => {
    platform = await startPlatform('casework_walks');
    senco = await apiAs(platform, 'senco.oakfield');
    mentor = await apiAs(platform, 'mentor.oakfield');
  });
  afterAll(async () => {
    await platform.close();
  });

  const registerChild = async (details: {
    givenName: string;
    dateOfBirth: string;
    yearGroup: number;
    flags: string[];
  }) =>
    (
      await senco
        .post('/children')
        .send({ familyName: 'Example', schoolId: 'school-oakfield', ...details })
        .expect(201)
    ).body.childId as string;
  const consentFor = (childId: string, overrides: object = {}) =>
    senco.post(`/children/${childId}/consents`).send({ ...parentalConsent, ...overrides });
  const refer = async (childId: string, overrides: object = {}) =>
    (
      await mentor
        .post('/referrals')
        .send(stepBody(steps.refer, { childId, ...overrides }))
        .expect(201)
    ).body.referralId as string;
  const step = (referralId: string, name: string, payload: object, as = mentor) =>
    as.post(`/referrals/${referralId}/${name}`).send(payload);
  const list = async (name: string) => (await senco.get(`/schools/school-oakfield/${name}`).expect(200)).body;

  it('a Year 6 pupil vulnerable at transition: referral to follow-up, outcomes at exit against referral', async () => {
    const childId = await registerChild({
      givenName: 'Amira',
      dateOfBirth: '2015-04-02',
      yearGroup: 6,
      flags: ['young-carer'],
    });
    await consentFor(childId).expect(201);
    const referralId = await refer(childId);
    expect((await list('referrals-awaiting-triage')).map((r: { referralId: string }) => r.referralId)).toContain(
      referralId,
    );

    await step(referralId, 'triage', stepBody(steps.triage, { mentorId: 'mentor.oakfield' }), senco).expect(200);
    await step(referralId, 'mentoring-agreement', stepBody(steps.agree)).expect(200);
    const assessed = await step(referralId, 'assessment', stepBody(steps.assess)).expect(200);
    expect(assessed.body.assessmentId).toEqual(expect.any(String));
    await step(referralId, 'targets', stepBody(steps.targets)).expect(200);
    await step(referralId, 'action-plan', stepBody(steps.plan)).expect(200);
    await step(referralId, 'sessions', stepBody(steps.session)).expect(200);
    await step(referralId, 'reviews', stepBody(steps.reviewBeginEnding)).expect(200);
    await step(referralId, 'ending', stepBody(steps.ending)).expect(200);
    for (const session of endingSessions) await step(referralId, 'sessions', stepBody(session)).expect(200);
    await step(referralId, 'closure', stepBody(steps.close)).expect(200);
    await step(referralId, 'follow-up', stepBody(steps.followUp)).expect(200);

    const record = await mentor.get(`/referrals/${referralId}`).expect(200);
    expect(record.headers.etag).toBe(`"${record.body.revision}"`);
    const { cases } = await list('outcomes');
    expect(cases).toContainEqual(
      expect.objectContaining({
        referralId,
        attendanceAtReferral: 84.5,
        attendanceAtExit: 93,
        behaviourIncidentsChange: -5,
        followUpOutcome: 'progress-sustained',
      }),
    );
  });

  it('a young carer with poor attendance: on the register, on the mentor’s caseload, review due on the planned date', async () => {
    const childId = await registerChild({
      givenName: 'Kayden',
      dateOfBirth: '2014-11-20',
      yearGroup: 7,
      flags: ['young-carer'],
    });
    await consentFor(childId).expect(201);
    const referralId = await refer(childId, { reasons: ['attendance-and-punctuality', 'vulnerable-group'] });
    await step(referralId, 'triage', stepBody(steps.triage, { mentorId: 'mentor.oakfield' }), senco).expect(200);
    await step(referralId, 'mentoring-agreement', stepBody(steps.agree)).expect(200);
    await step(referralId, 'assessment', stepBody(steps.assess)).expect(200);
    await step(referralId, 'targets', stepBody(steps.targets)).expect(200);
    await step(referralId, 'action-plan', stepBody(steps.plan)).expect(200);
    await step(referralId, 'sessions', stepBody(steps.session, { attended: false, notes: [] })).expect(200);

    expect((await list('pupil-register')).map((r: { referralId: string }) => r.referralId)).toContain(referralId);
    const caseloads = await list('caseloads');
    expect(caseloads).toContainEqual(expect.objectContaining({ mentorId: 'mentor.oakfield', overloaded: false }));
    const due = (await senco.get(`/schools/school-oakfield/reviews-due?asOf=${steps.plan.reviewOn}`).expect(200)).body;
    expect(JSON.stringify(due)).toContain(referralId);
    await senco.get('/schools/school-oakfield/reviews-due?asOf=next-week').expect(400);
  });

  it('a pupil at risk of exclusion whose parent refuses consent: not placed on the register, and told which consent is missing', async () => {
    const childId = await registerChild({ givenName: 'Jordan', dateOfBirth: '2013-07-30', yearGroup: 8, flags: [] });
    const { consentId } = (
      await consentFor(childId, {
        decision: 'refused',
        expiresOn: undefined,
        reason: 'We will deal with it at home',
      }).expect(201)
    ).body;
    const referralId = await refer(childId, {
      reasons: ['at-risk-of-exclusion', 'disengagement-from-education'],
      source: 'behaviour-tracking',
    });

    const refused = await step(
      referralId,
      'triage',
      stepBody(steps.triage, { mentorId: 'mentor.oakfield' }),
      senco,
    ).expect(409);
    expect(refused.body).toMatchObject({
      rule: 'referral.parental-consent-required',
      missingConsent: { purpose: 'learning-mentor-support', agencyId: 'school-oakfield' },
      consentReason: 'refused',
      consentId,
    });
    expect((await list('referrals-awaiting-triage')).map((r: { referralId: string }) => r.referralId)).toContain(
      referralId,
    );
    expect((await list('pupil-register')).map((r: { referralId: string }) => r.referralId)).not.toContain(referralId);
    // The mentor may not triage at all: that is the SENCo's decision (001).
    await step(referralId, 'triage', stepBody(steps.triage, { mentorId: 'mentor.oakfield' })).expect(403);
  });

  it('a competent 14-year-old refuses parental access to their information: the refusal binds against the parent', async () => {
    const childId = await registerChild({ givenName: 'Sam', dateOfBirth: '2012-03-01', yearGroup: 9, flags: [] });
    await (
      await apiAs(platform, 'dsl.oakfield')
    )
      .post(`/children/${childId}/competence-assessments`)
      .send({
        framework: 'gillick',
        decisionAbout: 'Whether my parents are told what I discuss with my mentor',
        criteria: [
          'understands-what-is-proposed',
          'understands-the-consequences',
          'can-weigh-up-and-decide',
          'decides-free-of-pressure',
        ].map((criterion) => ({ criterion, met: true })),
        outcome: 'competent',
        assessedOn: '2026-10-05',
      })
      .expect(201);
    await consentFor(childId, {
      decision: 'refused',
      giver: { kind: 'child' },
      expiresOn: undefined,
      scope: {
        purposes: ['learning-mentor-support'],
        recipients: ['parent-carer'],
        categories: ['education', 'behaviour', 'family-circumstances'],
      },
      decidedOn: '2026-10-05',
      reason: 'I want to talk to my mentor without my parents being told',
    }).expect(201);

    const parentAsks = await mentor
      .get(
        `/children/${childId}/consent-coverage?purpose=learning-mentor-support&agencyId=parent-carer&category=family-circumstances`,
      )
      .expect(200);
    expect(parentAsks.body).toMatchObject({ covered: false, reason: 'child-refusal-binds' });
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const childId = await registerChild({ givenName: 'Erin', dateOfBirth: '2014-01-15', yearGroup: 7, flags: [] });
    const count = async () =>
      (await platform.db.pool.query('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;
    const before = await count();
    const bad = await mentor
      .post('/referrals')
      .send(stepBody(steps.refer, { childId, reasons: ['bored'] }))
      .expect(400);
    expect(String(bad.body.field)).toMatch(/^reasons/);
    const smuggled = await mentor
      .post('/referrals')
      .send({ ...stepBody(steps.refer, { childId }), referralId: 'mine' })
      .expect(400);
    expect(smuggled.body.field).toBe('referralId');
    const referralId = await refer(childId);
    const after = await count();
    expect(after).toBe(before + 1);
    const notAList = await step(referralId, 'targets', [1, 2, 3]).expect(400);
    expect(notAList.body.field).toBe('body');
    await step(referralId, 'teleport', {}).expect(404);
    expect(await count()).toBe(after);
  });

  // The suite clock stands at 2026-12-01.
  it('refuses dates that cannot be: a birth in the future, a referral before the birth, a triage before the referral, a session after today', async () => {
    const born = await senco
      .post('/children')
      .send({
        familyName: 'Example',
        givenName: 'Future',
        schoolId: 'school-oakfield',
        dateOfBirth: '2026-12-02',
        yearGroup: 1,
        flags: [],
      })
      .expect(400);
    expect(born.body).toMatchObject({ field: 'dateOfBirth', rule: 'request.day-in-future' });
    const childId = await registerChild({ givenName: 'Noor', dateOfBirth: '2015-06-01', yearGroup: 6, flags: [] });
    await consentFor(childId).expect(201);
    const unborn = await mentor
      .post('/referrals')
      .send(stepBody(steps.refer, { childId, referredOn: '2015-05-31' }))
      .expect(400);
    expect(unborn.body).toMatchObject({ field: 'referredOn', rule: 'date.before-preceding-act' });
    const referralId = await refer(childId);
    const early = await step(
      referralId,
      'triage',
      stepBody(steps.triage, { mentorId: 'mentor.oakfield', triagedOn: '2026-01-08' }),
      senco,
    ).expect(400);
    expect(early.body).toMatchObject({ field: 'triagedOn', rule: 'date.before-preceding-act' });
    const tomorrow = await step(
      referralId,
      'triage',
      stepBody(steps.triage, { mentorId: 'mentor.oakfield', triagedOn: '2026-12-02' }),
      senco,
    ).expect(400);
    expect(tomorrow.body).toMatchObject({ field: 'triagedOn', rule: 'request.day-in-future' });
  });

  it('places a child only with a learning mentor of the school in the directory, and closes a planned ending once its sessions are held or the reason is recorded', async () => {
    const childId = await registerChild({ givenName: 'Ola', dateOfBirth: '2015-02-01', yearGroup: 6, flags: [] });
    await consentFor(childId).expect(201);
    const referralId = await refer(childId);
    const phantom = await step(
      referralId,
      'triage',
      stepBody(steps.triage, { mentorId: 'u-mentor-nicky' }),
      senco,
    ).expect(400);
    expect(phantom.body).toMatchObject({ field: 'mentorId', rule: 'reference.user-unknown' });
    const otherSchool = await step(
      referralId,
      'triage',
      stepBody(steps.triage, { mentorId: 'mentor.riverside' }),
      senco,
    ).expect(400);
    expect(otherSchool.body).toMatchObject({ field: 'mentorId', rule: 'reference.user-role' });
    const notAMentor = await step(
      referralId,
      'triage',
      stepBody(steps.triage, { mentorId: 'dsl.oakfield' }),
      senco,
    ).expect(400);
    expect(notAMentor.body).toMatchObject({ field: 'mentorId', rule: 'reference.user-role' });

    await step(referralId, 'triage', stepBody(steps.triage, { mentorId: 'mentor.oakfield' }), senco).expect(200);
    for (const name of [
      'mentoring-agreement',
      'assessment',
      'targets',
      'action-plan',
      'sessions',
      'reviews',
      'ending',
    ] as const) {
      const command = {
        'mentoring-agreement': steps.agree,
        assessment: steps.assess,
        targets: steps.targets,
        'action-plan': steps.plan,
        sessions: steps.session,
        reviews: steps.reviewBeginEnding,
        ending: steps.ending,
      }[name];
      await step(referralId, name, stepBody(command)).expect(200);
    }
    await step(referralId, 'sessions', stepBody(endingSessions[0])).expect(200);
    const sudden = await step(referralId, 'closure', stepBody(steps.close)).expect(409);
    expect(sudden.body).toMatchObject({ field: 'reasonDetail', rule: 'referral.ending-sessions-not-held' });
    await step(
      referralId,
      'closure',
      stepBody(steps.close, { reasonDetail: 'Ola asked to finish before the summer; sessions 3 and 4 dropped' }),
    ).expect(200);
  });
});
