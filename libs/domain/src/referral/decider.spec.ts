import type { CoverageAnswer } from '../consent/coverage';
import type { DomainError } from '../shared';
import { given } from '../testing/given';
import { caseThrough, coveredBy, endingSessions, profile, SCHOOL, steps } from '../testing/referral-examples';
import type { ReferralCommand } from './commands';
import { ConsentMissing } from './consent-gate';
import { referralDecider } from './decider';
import { REFERRAL_SOURCES } from './vocabulary';

const expectInvalid = (error: DomainError, field: string) => {
  expect(error.kind).toBe('invalid');
  expect(error.field).toBe(field);
};
const expectConflict = (error: DomainError) => expect(error.kind).toBe('conflict');

const { refer, triage, agree, assess, targets, plan, session, reviewBeginEnding, ending, close, followUp } = steps;
const onRegister = () => caseThrough(refer, triage);
const planned = () => caseThrough(refer, triage, agree, assess, targets, plan);

describe('R.A.F.I.E. referral (referral-{id}): the referral', () => {
  it("records source, referrer, reasons from the seeds' barriers and the Primary Assessment Profile", () => {
    const { type: _type, ...data } = refer;
    given(referralDecider, [])
      .when(refer)
      .then([{ type: 'ReferralMade', data }]);
  });

  it.each(REFERRAL_SOURCES.filter((s) => s !== 'other-agency' && s !== 'parent-carer'))(
    '001/002: a referral may come from %s',
    (source) => {
      expect(
        given(referralDecider, [])
          .when({ ...refer, source })
          .events()[0].data,
      ).toMatchObject({ source });
    },
  );

  it('001: a referral from another agency names the agency', () => {
    expectInvalid(
      given(referralDecider, [])
        .when({ ...refer, source: 'other-agency' })
        .thenError('referral.other-agency-named'),
      'referringAgencyId',
    );
    expect(
      given(referralDecider, [])
        .when({ ...refer, source: 'other-agency', referringAgencyId: 'education-welfare' })
        .events(),
    ).toHaveLength(1);
  });

  it("002: a parent's referral records who made it", () => {
    expectInvalid(
      given(referralDecider, [])
        .when({ ...refer, source: 'parent-carer', referrer: { role: 'parent-carer' } })
        .thenError('referral.parent-referrer-named'),
      'referrerName',
    );
  });

  it("reasons come from the seeds' lists of barriers to learning", () => {
    expectInvalid(
      given(referralDecider, [])
        .when({ ...refer, reasons: [] })
        .thenError('value.list-required'),
      'reasons',
    );
    expectInvalid(
      given(referralDecider, [])
        .when({ ...refer, reasons: ['vulnerable-at-transition', 'naughty' as never] })
        .thenError('value.not-allowed'),
      'reasons[1]',
    );
  });

  it('names the bad value of the profile', () => {
    expectInvalid(
      given(referralDecider, [])
        .when({ ...refer, profile: { ...profile, attendancePercent: 130 } })
        .thenError('value.out-of-range'),
      'profile.attendancePercent',
    );
    expectInvalid(
      given(referralDecider, [])
        .when({ ...refer, profile: { ...profile, pastoralRiskFactors: ['gossip' as never] } })
        .thenError('value.not-allowed'),
      'profile.pastoralRiskFactors[0]',
    );
    expectInvalid(
      given(referralDecider, [])
        .when({ ...refer, schoolId: 'oakfield' as never })
        .thenError('value.not-allowed'),
      'schoolId',
    );
  });

  it('a referral is made once; no step comes before it', () => {
    expectConflict(given(referralDecider, caseThrough(refer)).when(refer).thenError('referral.already-made'));
    expectConflict(given(referralDecider, []).when(triage).thenError('referral.not-made'));
  });

  it('002: a verbal referral is followed up with the profile before triage', () => {
    const verbal = caseThrough({ ...refer, profile: undefined });
    given(referralDecider, verbal)
      .when({ type: 'CompletePrimaryAssessmentProfile', referralId: 'r-1', profile })
      .then([{ type: 'PrimaryAssessmentProfileCompleted', data: { referralId: 'r-1', childId: 'child-1', profile } }]);
    given(referralDecider, onRegister())
      .when({ type: 'CompletePrimaryAssessmentProfile', referralId: 'r-1', profile })
      .thenError('referral.already-triaged');
  });
});

describe('R.A.F.I.E.: triage by the SENCo (001)', () => {
  it('001: places the child on the Learning Mentor Pupil Register with priority, level of need, B.A.E. category, mentor and the covering consent', () => {
    given(referralDecider, caseThrough(refer))
      .when(triage)
      .then([
        {
          type: 'ReferralTriaged',
          data: {
            referralId: 'r-1',
            childId: 'child-1',
            triagedOn: '2026-01-14',
            priority: 'high',
            levelOfNeed: 2,
            baeCategory: 'B',
            outcome: 'accepted-onto-register',
            mentorId: 'u-mentor-nicky',
            workMode: 'one-to-one',
            consentIds: ['consent-1'],
          },
        },
      ]);
  });

  it('001: no place on the register without the Primary Assessment Profile', () => {
    expectConflict(
      given(referralDecider, caseThrough({ ...refer, profile: undefined }))
        .when(triage)
        .thenError('referral.profile-before-register'),
    );
  });

  it('001: no place on the register without parental consent, and the error names the missing consent', () => {
    const error = given(referralDecider, caseThrough(refer))
      .when({ ...triage, consent: [] })
      .thenError('referral.parental-consent-required');
    expectConflict(error);
    expect(error).toBeInstanceOf(ConsentMissing);
    expect((error as ConsentMissing).missing).toEqual({
      purpose: 'learning-mentor-support',
      agencyId: SCHOOL,
      category: 'education',
    });
    expect(error.message).toContain('learning-mentor-support with school-oakfield on education');
  });

  it("001: a parent's refusal keeps the child off the register, naming the refusal", () => {
    const refused: CoverageAnswer[] = coveredBy('consent-1').map((a) => ({
      covered: false,
      question: a.question,
      reason: 'refused',
      consentId: 'refusal-7',
      explanation: `Parental consent for learning-mentor-support with school-oakfield on ${a.question.category} was refused (refusal refusal-7)`,
    }));
    const error = given(referralDecider, caseThrough(refer))
      .when({ ...triage, consent: refused })
      .thenError('referral.parental-consent-required') as ConsentMissing;
    expect(error.reason).toBe('refused');
    expect(error.consentId).toBe('refusal-7');
    expect(error.message).toContain('was refused (refusal refusal-7)');
  });

  it('001: consent must cover every category the mentor works with', () => {
    const partial = coveredBy('consent-1').filter((a) => a.question.category !== 'behaviour');
    const error = given(referralDecider, caseThrough(refer))
      .when({ ...triage, consent: partial })
      .thenError('referral.parental-consent-required') as ConsentMissing;
    expect(error.missing.category).toBe('behaviour');
    expect(error.reason).toBe('not-asked');
  });

  it('an answer for another school does not cover this one', () => {
    const elsewhere = coveredBy('consent-1').map((a) => ({
      ...a,
      question: { ...a.question, agencyId: 'school-ridgeway' as const },
    }));
    given(referralDecider, caseThrough(refer))
      .when({ ...triage, consent: elsewhere })
      .thenError('referral.parental-consent-required');
  });

  it('declining or redirecting to MAST records why, and needs no consent', () => {
    expectInvalid(
      given(referralDecider, caseThrough(refer))
        .when({ ...triage, outcome: 'declined', consent: undefined })
        .thenError('referral.decision-needs-reason'),
      'reason',
    );
    const [declined] = given(referralDecider, caseThrough(refer))
      .when({
        type: 'TriageReferral',
        referralId: 'r-1',
        triagedOn: '2026-01-14',
        priority: 'low',
        levelOfNeed: 1,
        baeCategory: 'A',
        outcome: 'declined',
        reason: 'Universal support in class is enough',
      })
      .events();
    expect(declined.data).toMatchObject({ outcome: 'declined', reason: 'Universal support in class is enough' });
    expect(declined.data).not.toHaveProperty('mentorId');
  });

  it('001: a child redirected to MAST is not on the register: mentoring steps are refused', () => {
    const redirected = caseThrough(refer, {
      ...triage,
      outcome: 'redirected-to-mast',
      levelOfNeed: 3,
      reason: 'Family needs a family learning mentor',
      consent: undefined,
    });
    expectConflict(given(referralDecider, redirected).when(agree).thenError('referral.not-on-register'));
    given(referralDecider, redirected).when(triage).thenError('referral.already-triaged');
  });

  it('names the bad triage value', () => {
    expectInvalid(
      given(referralDecider, caseThrough(refer))
        .when({ ...triage, levelOfNeed: 5 as never })
        .thenError('value.not-allowed'),
      'levelOfNeed',
    );
    expectInvalid(
      given(referralDecider, caseThrough(refer))
        .when({ ...triage, baeCategory: 'E' as never })
        .thenError('value.not-allowed'),
      'baeCategory',
    );
    expectInvalid(
      given(referralDecider, caseThrough(refer))
        .when({ ...triage, mentorId: undefined })
        .thenError('value.text-required'),
      'mentorId',
    );
    expectInvalid(
      given(referralDecider, caseThrough(refer))
        .when({ ...triage, workMode: 'drop-in' as never })
        .thenError('value.not-allowed'),
      'workMode',
    );
  });

  it('mentoring steps wait for triage', () => {
    expectConflict(given(referralDecider, caseThrough(refer)).when(agree).thenError('referral.not-on-register'));
  });
});

describe('R.A.F.I.E.: mentoring agreement and assessment', () => {
  it('001: the agreement is signed by child and mentor; 002: after the limits of confidentiality are explained', () => {
    given(referralDecider, onRegister())
      .when(agree)
      .then([
        {
          type: 'MentoringAgreementSigned',
          data: {
            referralId: 'r-1',
            childId: 'child-1',
            signedOn: '2026-01-16',
            mentorId: 'u-mentor-nicky',
            signedByChild: true,
            signedByMentor: true,
            confidentialityExplained: true,
          },
        },
      ]);
    expectInvalid(
      given(referralDecider, onRegister())
        .when({ ...agree, confidentialityExplained: false })
        .thenError('referral.confidentiality-must-be-explained'),
      'confidentialityExplained',
    );
    expectInvalid(
      given(referralDecider, onRegister())
        .when({ ...agree, signedByChild: false })
        .thenError('referral.agreement-signed-by-both'),
      'signedByChild',
    );
    given(referralDecider, caseThrough(refer, triage, agree))
      .when(agree)
      .thenError('referral.agreement-already-signed');
  });

  it("002: the assessment (with the child's own view) waits for the agreement explaining confidentiality", () => {
    expectConflict(given(referralDecider, onRegister()).when(assess).thenError('referral.agreement-before-assessment'));
  });

  it('001: assessment starts only with consent — a consent withdrawn since triage stops it, naming the consent', () => {
    const withdrawn: CoverageAnswer[] = coveredBy('consent-1', '2026-01-23').map((a) => ({
      covered: false,
      question: a.question,
      reason: 'withdrawn',
      consentId: 'consent-1',
      explanation:
        "Parental consent (or the competent child's own) for learning-mentor-support with school-oakfield on education is missing: consent consent-1 was withdrawn at 2026-01-20T09:00:00Z",
    }));
    const error = given(referralDecider, caseThrough(refer, triage, agree))
      .when({ ...assess, consent: withdrawn })
      .thenError('referral.parental-consent-required') as ConsentMissing;
    expect(error.reason).toBe('withdrawn');
    expect(error.message).toContain('The assessment needs parental consent');
    expect(error.message).toContain('consent-1 was withdrawn');
  });

  it("records strengths, needs, needs statement, baseline, the child's view and the covering consent", () => {
    const [event] = given(referralDecider, caseThrough(refer, triage, agree))
      .when(assess)
      .events();
    expect(event).toMatchObject({
      type: 'AssessmentRecorded',
      data: { assessmentId: 'a-1', consentIds: ['consent-1'], childView: assess.childView },
    });
    expect(event.data).not.toHaveProperty('consent');
  });

  it("003 Box 1: the child's own view and Box 2: strengths are part of every assessment", () => {
    const history = caseThrough(refer, triage, agree);
    expectInvalid(
      given(referralDecider, history)
        .when({ ...assess, childView: ' ' })
        .thenError('referral.child-view-required'),
      'childView',
    );
    expectInvalid(
      given(referralDecider, history)
        .when({ ...assess, strengths: [] })
        .thenError('value.list-required'),
      'strengths',
    );
    expectInvalid(
      given(referralDecider, history)
        .when({ ...assess, baseline: { attendancePercent: -1, behaviourIncidents: 0 } })
        .thenError('value.out-of-range'),
      'baseline.attendancePercent',
    );
    expectInvalid(
      given(referralDecider, history)
        .when({ ...assess, assessedOn: '2026-01-01' })
        .thenError('referral.date-before-referral'),
      'assessedOn',
    );
  });
});

describe('R.A.F.I.E. formulation: goals, SMART targets and the action plan', () => {
  it('003 Box 1: targets follow the assessment', () => {
    expectConflict(
      given(referralDecider, caseThrough(refer, triage, agree))
        .when(targets)
        .thenError('referral.assessment-before-targets'),
    );
  });

  it('003 §1a: targets are SMART — measure, owner, due date after setting', () => {
    const history = caseThrough(refer, triage, agree, assess);
    const withTarget = (change: object): ReferralCommand => ({
      ...targets,
      targets: [{ ...targets.targets[0], ...change }],
    });
    expectInvalid(
      given(referralDecider, history)
        .when(withTarget({ measure: '' }))
        .thenError('referral.target-must-be-smart'),
      'targets[0].measure',
    );
    expectInvalid(
      given(referralDecider, history)
        .when(withTarget({ owner: '' }))
        .thenError('referral.target-must-be-smart'),
      'targets[0].owner',
    );
    expectInvalid(
      given(referralDecider, history)
        .when(withTarget({ dueOn: '2026-01-30' }))
        .thenError('referral.target-must-be-smart'),
      'targets[0].dueOn',
    );
    expectInvalid(
      given(referralDecider, history)
        .when(withTarget({ goalId: 'g-9' }))
        .thenError('referral.target-serves-a-goal'),
      'targets[0].goalId',
    );
    expectInvalid(
      given(referralDecider, history)
        .when({ ...targets, targets: [targets.targets[0], targets.targets[0]] })
        .thenError('referral.target-id-already-used'),
      'targets[1].targetId',
    );
  });

  it('records goals and targets', () => {
    const [event] = given(referralDecider, caseThrough(refer, triage, agree, assess))
      .when(targets)
      .events();
    expect(event).toMatchObject({
      type: 'TargetsSet',
      data: { childId: 'child-1', goals: targets.goals, targets: targets.targets },
    });
  });

  it('003 Box 1: the action plan is drawn from the targets', () => {
    expectConflict(
      given(referralDecider, caseThrough(refer, triage, agree, assess))
        .when(plan)
        .thenError('referral.targets-before-plan'),
    );
    const [event] = given(referralDecider, caseThrough(refer, triage, agree, assess, targets))
      .when(plan)
      .events();
    expect(event).toMatchObject({
      type: 'ActionPlanAgreed',
      data: { planId: 'p-1', interventionLength: 'medium', reviewOn: '2026-03-13', targetIds: ['t-1', 't-2'] },
    });
  });

  it('002: short interventions last up to 6 weeks, medium up to 12, long is open', () => {
    const history = caseThrough(refer, triage, agree, assess, targets);
    expectInvalid(
      given(referralDecider, history)
        .when({ ...plan, interventionLength: 'short', plannedEndOn: '2026-03-14' })
        .thenError('referral.short-intervention-up-to-6-weeks'),
      'plannedEndOn',
    );
    expect(
      given(referralDecider, history)
        .when({ ...plan, interventionLength: 'short', plannedEndOn: '2026-03-13' })
        .events(),
    ).toHaveLength(1);
    expectInvalid(
      given(referralDecider, history)
        .when({ ...plan, plannedEndOn: '2026-04-25' })
        .thenError('referral.medium-intervention-up-to-12-weeks'),
      'plannedEndOn',
    );
    expectInvalid(
      given(referralDecider, history)
        .when({ ...plan, plannedEndOn: undefined })
        .thenError('referral.planned-end-required'),
      'plannedEndOn',
    );
    expect(
      given(referralDecider, history)
        .when({ ...plan, interventionLength: 'long', plannedEndOn: undefined })
        .events(),
    ).toHaveLength(1);
  });

  it("003 §1a: the plan states the review date, within the intervention, and works only towards this case's targets", () => {
    const history = caseThrough(refer, triage, agree, assess, targets);
    expectInvalid(
      given(referralDecider, history)
        .when({ ...plan, reviewOn: '2026-01-30' })
        .thenError('referral.review-after-agreement'),
      'reviewOn',
    );
    expectInvalid(
      given(referralDecider, history)
        .when({ ...plan, reviewOn: '2026-05-01' })
        .thenError('referral.review-within-intervention'),
      'reviewOn',
    );
    expectInvalid(
      given(referralDecider, history)
        .when({ ...plan, targetIds: ['t-1', 't-9'] })
        .thenError('referral.unknown-target'),
      'targetIds[1]',
    );
    expectInvalid(
      given(referralDecider, history)
        .when({ ...plan, services: [] })
        .thenError('value.list-required'),
      'services',
    );
  });

  it('003 Box 1: a new plan is formed only after a review decides to re-plan', () => {
    const newPlan = {
      ...plan,
      planId: 'p-2',
      agreedOn: '2026-03-13',
      plannedEndOn: '2026-06-05',
      reviewOn: '2026-04-24',
      targetIds: ['t-1'],
    };
    expectConflict(given(referralDecider, planned()).when(newPlan).thenError('referral.new-plan-follows-review'));
    const replan: ReferralCommand = {
      ...reviewBeginEnding,
      outcome: 're-plan',
      progress: [
        { targetId: 't-1', progress: 'some-progress' },
        { targetId: 't-2', progress: 'achieved' },
      ],
    };
    expect(
      given(referralDecider, caseThrough(refer, triage, agree, assess, targets, plan, replan))
        .when(newPlan)
        .events(),
    ).toHaveLength(1);
  });
});

describe('R.A.F.I.E. intervention: sessions', () => {
  it('records kind, attendance and notes marked first- or second-hand', () => {
    const [event] = given(referralDecider, planned()).when(session).events();
    expect(event).toMatchObject({
      type: 'SessionRecorded',
      data: { sessionId: 's-1', kind: 'one-to-one', attended: true, notes: session.notes },
    });
  });

  it('Box 7: second-hand information says who it came from', () => {
    const error = given(referralDecider, planned())
      .when({ ...session, notes: [{ text: 'Dad has left home', source: 'second-hand' }] })
      .thenError('referral.second-hand-needs-source');
    expectInvalid(error, 'notes[0].toldBy');
  });

  it('002: group, in-class and drop-in work are sessions too, and a missed session is recorded', () => {
    for (const kind of ['group', 'in-class', 'drop-in'] as const) {
      expect(
        given(referralDecider, planned())
          .when({ ...session, kind })
          .events()[0].data,
      ).toMatchObject({ kind });
    }
    expect(
      given(referralDecider, planned())
        .when({ ...session, attended: false, notes: [] })
        .events()[0].data,
    ).toMatchObject({ attended: false });
    expectInvalid(
      given(referralDecider, planned())
        .when({ ...session, kind: 'phone' as never })
        .thenError('value.not-allowed'),
      'kind',
    );
  });

  it('001: sessions start once the mentoring agreement is signed', () => {
    expectConflict(given(referralDecider, onRegister()).when(session).thenError('referral.agreement-before-sessions'));
  });

  it('a session is recorded once', () => {
    given(referralDecider, [...planned(), ...given(referralDecider, planned()).when(session).events()])
      .when(session)
      .thenError('referral.session-already-recorded');
  });
});

describe('R.A.F.I.E. evaluation: reviews, ending, exit and follow-up', () => {
  const throughEnding = () =>
    caseThrough(refer, triage, agree, assess, targets, plan, session, reviewBeginEnding, ending, ...endingSessions);

  it('003 Box 1 step 5: progress is reviewed against the plan, on every target', () => {
    expectConflict(
      given(referralDecider, caseThrough(refer, triage, agree, assess, targets))
        .when(reviewBeginEnding)
        .thenError('referral.plan-before-review'),
    );
    expectInvalid(
      given(referralDecider, planned())
        .when({ ...reviewBeginEnding, progress: [{ targetId: 't-1', progress: 'achieved' }] })
        .thenError('referral.review-covers-every-target'),
      'progress',
    );
    expectInvalid(
      given(referralDecider, planned())
        .when({
          ...reviewBeginEnding,
          progress: [...reviewBeginEnding.progress, { targetId: 't-9', progress: 'achieved' }],
        })
        .thenError('referral.unknown-target'),
      'progress[2].targetId',
    );
  });

  it('Box 28: continuing sets the next review date', () => {
    expectInvalid(
      given(referralDecider, planned())
        .when({ ...reviewBeginEnding, outcome: 'continue' })
        .thenError('referral.next-review-date-required'),
      'nextReviewOn',
    );
    const [event] = given(referralDecider, planned())
      .when({ ...reviewBeginEnding, outcome: 'continue', nextReviewOn: '2026-04-24' })
      .events();
    expect(event.data).toMatchObject({ outcome: 'continue', nextReviewOn: '2026-04-24' });
  });

  it('003 §1a: an ending is planned after a review decides to begin ending', () => {
    expectConflict(given(referralDecider, planned()).when(ending).thenError('referral.ending-follows-review'));
    const continued = caseThrough(refer, triage, agree, assess, targets, plan, {
      ...reviewBeginEnding,
      outcome: 'continue',
      nextReviewOn: '2026-04-24',
    });
    expectConflict(given(referralDecider, continued).when(ending).thenError('referral.ending-follows-review'));
  });

  it.each([2, 8])(
    '003 §1a: endings are discussed three to seven sessions ahead — %i is refused',
    (sessionsRemaining) => {
      const history = caseThrough(refer, triage, agree, assess, targets, plan, reviewBeginEnding);
      expectInvalid(
        given(referralDecider, history)
          .when({ ...ending, sessionsRemaining })
          .thenError('referral.ending-3-to-7-sessions-ahead'),
        'sessionsRemaining',
      );
    },
  );

  it.each([3, 7])('003 §1a: an ending %i sessions ahead, with fading (Box 6), is planned', (sessionsRemaining) => {
    const history = caseThrough(refer, triage, agree, assess, targets, plan, reviewBeginEnding);
    expect(
      given(referralDecider, history)
        .when({ ...ending, sessionsRemaining })
        .events()[0],
    ).toMatchObject({ type: 'EndingPlanned', data: { sessionsRemaining, fading: ending.fading } });
  });

  it('003 §1a: sudden endings are not advisable — a planned ending needs the ending planned first', () => {
    const reviewed = caseThrough(refer, triage, agree, assess, targets, plan, reviewBeginEnding);
    expectConflict(given(referralDecider, reviewed).when(close).thenError('referral.ending-must-be-planned'));
    const { type: _type, ...closure } = close;
    given(referralDecider, throughEnding())
      .when(close)
      .then([{ type: 'CaseClosed', data: { ...closure, childId: 'child-1' } }]);
  });

  it('a review that decides to go on calls off the ending in preparation', () => {
    const history = caseThrough(refer, triage, agree, assess, targets, plan, session, reviewBeginEnding, ending, {
      ...reviewBeginEnding,
      reviewId: 'rv-2',
      outcome: 'continue',
      nextReviewOn: '2026-05-01',
    });
    expectConflict(given(referralDecider, history).when(close).thenError('referral.ending-must-be-planned'));
  });

  it('an unplanned closure (moved school) says what happened and records exit measures', () => {
    const moved: ReferralCommand = {
      ...close,
      reason: 'moved-school',
      reasonDetail: undefined,
      followUpDueOn: undefined,
    };
    expectInvalid(
      given(referralDecider, planned()).when(moved).thenError('referral.decision-needs-reason'),
      'reasonDetail',
    );
    expect(
      given(referralDecider, planned())
        .when({ ...moved, reasonDetail: 'Family moved to Leeds' })
        .events()[0].data,
    ).toMatchObject({ reason: 'moved-school' });
  });

  it('003 §1a: the exit records attendance and behaviour, and a planned ending sets the follow-up', () => {
    expectInvalid(
      given(referralDecider, throughEnding())
        .when({ ...close, exit: { attendancePercent: 93 } as never })
        .thenError('value.whole-number-required'),
      'exit.behaviourIncidents',
    );
    expectInvalid(
      given(referralDecider, throughEnding())
        .when({ ...close, followUpDueOn: undefined })
        .thenError('referral.follow-up-date-required'),
      'followUpDueOn',
    );
    expectInvalid(
      given(referralDecider, throughEnding())
        .when({ ...close, followUpDueOn: '2026-04-17' })
        .thenError('referral.follow-up-after-exit'),
      'followUpDueOn',
    );
  });

  it('a closed case takes no more sessions, and is closed once', () => {
    const closed = caseThrough(
      refer,
      triage,
      agree,
      assess,
      targets,
      plan,
      session,
      reviewBeginEnding,
      ending,
      ...endingSessions,
      close,
    );
    expectConflict(
      given(referralDecider, closed)
        .when({ ...session, sessionId: 's-9' })
        .thenError('referral.case-closed'),
    );
    expectConflict(given(referralDecider, closed).when(close).thenError('referral.case-closed'));
  });

  it('003 §1a endings: progress is followed up after exit, not before', () => {
    expectConflict(given(referralDecider, throughEnding()).when(followUp).thenError('referral.follow-up-after-exit'));
    const closed = caseThrough(
      refer,
      triage,
      agree,
      assess,
      targets,
      plan,
      session,
      reviewBeginEnding,
      ending,
      ...endingSessions,
      close,
    );
    expect(given(referralDecider, closed).when(followUp).events()[0]).toMatchObject({
      type: 'FollowUpRecorded',
      data: { outcome: 'progress-sustained' },
    });
    expectInvalid(
      given(referralDecider, closed)
        .when({ ...followUp, heldOn: '2026-04-01' })
        .thenError('referral.follow-up-after-exit'),
      'heldOn',
    );
  });

  it('walks a whole case from referral to follow-up', () => {
    const events = caseThrough(
      refer,
      triage,
      agree,
      assess,
      targets,
      plan,
      session,
      reviewBeginEnding,
      ending,
      ...endingSessions,
      close,
      followUp,
    );
    expect(events.map((e) => e.type)).toEqual([
      'ReferralMade',
      'ReferralTriaged',
      'MentoringAgreementSigned',
      'AssessmentRecorded',
      'TargetsSet',
      'ActionPlanAgreed',
      'SessionRecorded',
      'ReviewHeld',
      'EndingPlanned',
      ...endingSessions.map(() => 'SessionRecorded'),
      'CaseClosed',
      'FollowUpRecorded',
    ]);
    expect(events.every((e) => (e.data as { childId: string }).childId === 'child-1')).toBe(true);
  });
});

describe("a case's acts happen in order, and a planned ending holds its sessions", () => {
  const { refer, triage, agree, assess, targets, plan, session, reviewBeginEnding, ending, close } = steps;

  it('refuses a referral dated before the child was born, naming referredOn', () => {
    const error = given(referralDecider, [])
      .when({ ...refer, childDateOfBirth: '2026-02-01' })
      .thenError('date.before-preceding-act');
    expect(error).toMatchObject({ kind: 'invalid', field: 'referredOn' });
    // The child's date of birth is the platform's reading, not part of the referral.
    expect(
      given(referralDecider, [])
        .when({ ...refer, childDateOfBirth: '2015-05-01' })
        .events()[0].data,
    ).not.toHaveProperty('childDateOfBirth');
  });

  it('refuses triage before the referral, and steps on the register before the triage', () => {
    expect(
      given(referralDecider, caseThrough(refer))
        .when({ ...triage, triagedOn: '2026-01-08' })
        .thenError('date.before-preceding-act').field,
    ).toBe('triagedOn');
    expect(
      given(referralDecider, caseThrough(refer, triage))
        .when({ ...agree, signedOn: '2026-01-13' })
        .thenError('date.before-preceding-act').field,
    ).toBe('signedOn');
    expect(
      given(referralDecider, caseThrough(refer, triage, agree))
        .when({ ...session, heldOn: '2026-01-15' })
        .thenError('date.before-preceding-act').field,
    ).toBe('heldOn');
    const planned = caseThrough(refer, triage, agree, assess, targets, plan);
    expect(
      given(referralDecider, planned)
        .when({ ...reviewBeginEnding, heldOn: '2026-01-29' })
        .thenError('date.before-preceding-act').field,
    ).toBe('heldOn');
    const reviewed = caseThrough(refer, triage, agree, assess, targets, plan, reviewBeginEnding);
    expect(
      given(referralDecider, reviewed)
        .when({ ...ending, plannedOn: '2026-03-12' })
        .thenError('date.before-preceding-act').field,
    ).toBe('plannedOn');
  });

  it('refuses a planned ending closed before the sessions it announced were held, unless the reason is recorded', () => {
    const twoHeld = caseThrough(
      refer,
      triage,
      agree,
      assess,
      targets,
      plan,
      reviewBeginEnding,
      ending,
      ...endingSessions.slice(0, 2),
    );
    const error = given(referralDecider, twoHeld).when(close).thenError('referral.ending-sessions-not-held');
    expect(error).toMatchObject({ kind: 'conflict', field: 'reasonDetail' });
    expect(
      given(referralDecider, twoHeld)
        .when({ ...close, reasonDetail: 'Moved to secondary summer school early' })
        .events()[0].type,
    ).toBe('CaseClosed');
    expect(
      given(
        referralDecider,
        caseThrough(refer, triage, agree, assess, targets, plan, reviewBeginEnding, ending, ...endingSessions),
      )
        .when(close)
        .events()[0].type,
    ).toBe('CaseClosed');
  });
});
