import { childDecider, type RegisterChild } from '@app/domain';
import { consentDecider, type ConsentCommand, type CoverageAnswer, type GiveConsent } from '@app/domain';
import { consentNeededForMentoring, referralDecider, type ReferralCommand, type ReferralEvent } from '@app/domain';
// Not the testing index: it holds jest's given/then, and the benches build these fixtures without jest.
import { assessCompetence, giveConsent, informed, mother, refuseConsent, theChild } from '@app/domain/testing';
import { endingSessions, steps } from '@app/domain/testing';
import type { DomainError } from '@app/domain';
import type { EntityManager } from 'typeorm';
import { consentCoverageForEach } from '../../consent/queries';
import type { RecordedHistory } from '../../testing/recorded-history';

/**
 * Oakfield Primary and its feeder secondary, spring term 2026: the realistic histories
 * the school read-model tests run on. Seed walks: a Year 6 pupil vulnerable
 * at transition, a young carer with poor attendance, a pupil at risk of exclusion whose
 * parent refuses consent, a competent 14-year-old who refuses parental access.
 */
export const SCHOOL = 'school-oakfield' as const;
export const MENTORS = {
  nicky: 'u-mentor-nicky',
  helen: 'u-mentor-helen',
  busy: 'u-mentor-busy',
  full: 'u-mentor-full',
} as const;

/** A parent's written consent to mentoring, as the domain's example gives it, for a child of this school. */
export const parentalConsent = (
  childId: string,
  dateOfBirth: string,
  startsOn: string,
  consentId = `consent-${childId}`,
): GiveConsent =>
  giveConsent({
    consentId,
    childId,
    childDateOfBirth: dateOfBirth,
    giver: { ...mother, name: 'A Parent' },
    evidence: { form: 'written', documentRef: `form-${childId}` },
    startsOn,
  });

const profile = (attendancePercent: number, behaviourIncidents: number, fixedTermExclusions = 0) => ({
  completedOn: '2026-01-05',
  attendancePercent,
  lateArrivals: 4,
  behaviourIncidents,
  fixedTermExclusions,
  attainmentAgainstTarget: 'below-target' as const,
  pastoralRiskFactors: [],
});

export const referralOf = (
  referralId: string,
  childId: string,
  referredOn: string,
  overrides: Partial<Extract<ReferralCommand, { type: 'MakeReferral' }>> = {},
): ReferralCommand => ({
  type: 'MakeReferral',
  referralId,
  childId,
  schoolId: SCHOOL,
  referredOn,
  source: 'senco-data-analysis',
  referrer: { role: 'senco', userId: 'u-senco' },
  reasons: ['low-confidence-and-self-esteem'],
  profile: profile(91, 2),
  ...overrides,
});

export const acceptance = (
  referralId: string,
  triagedOn: string,
  mentorId: string,
  consent: readonly CoverageAnswer[],
  workMode: 'one-to-one' | 'group' = 'one-to-one',
): ReferralCommand => ({
  type: 'TriageReferral',
  referralId,
  triagedOn,
  priority: 'medium',
  levelOfNeed: 2,
  baeCategory: 'B',
  outcome: 'accepted-onto-register',
  mentorId,
  workMode,
  consent,
});

/** Re-addresses the domain's example walk (Amira, r-1) to another case. */
const as = (referralId: string, command: ReferralCommand): ReferralCommand => ({ ...command, referralId });

export class Oakfield {
  constructor(
    private readonly history: RecordedHistory,
    private readonly manager: EntityManager,
    /** Brings the consent read model up to date, as the API's read-your-writes does. */
    private readonly catchUpConsent: () => Promise<unknown>,
  ) {}

  async child(
    childId: string,
    givenName: string,
    familyName: string,
    dateOfBirth: string,
    yearGroup: number,
    flags: RegisterChild['details']['flags'] = [],
  ) {
    await this.history.decide(childDecider, `child-${childId}`, childId, {
      type: 'RegisterChild',
      childId,
      today: '2026-01-05',
      details: { givenName, familyName, dateOfBirth, schoolId: SCHOOL, yearGroup, flags },
    });
  }

  consent(childId: string, ...commands: ConsentCommand[]) {
    return this.history.decide(consentDecider, `consent-${childId}`, childId, ...commands);
  }

  referral(referralId: string, childId: string, ...commands: ReferralCommand[]): Promise<ReferralEvent[]> {
    return this.history.decide(referralDecider, `referral-${referralId}`, childId, ...commands);
  }

  attempt(referralId: string, command: ReferralCommand): Promise<ReferralEvent[] | DomainError> {
    return this.history.attempt(referralDecider, `referral-${referralId}`, command);
  }

  /** What the API will do before triage or assessment: ask the consent read model every mentoring question. */
  async mentoringConsent(childId: string, at: string): Promise<CoverageAnswer[]> {
    await this.catchUpConsent();
    return consentCoverageForEach(
      this.manager,
      childId,
      consentNeededForMentoring(SCHOOL).map((q) => ({ ...q, at })),
    );
  }

  /** A child placed on a mentor's register with parental consent, nothing more yet. */
  async placed(referralId: string, childId: string, mentorId: string, workMode: 'one-to-one' | 'group' = 'one-to-one') {
    await this.child(childId, 'Pupil', referralId, '2015-06-01', 5);
    await this.consent(childId, parentalConsent(childId, '2015-06-01', '2026-01-05'));
    await this.referral(referralId, childId, referralOf(referralId, childId, '2026-01-05'));
    await this.referral(
      referralId,
      childId,
      acceptance(referralId, '2026-01-07', mentorId, await this.mentoringConsent(childId, '2026-01-07'), workMode),
    );
  }

  /** Amira, Year 6, vulnerable at transition: the domain's example walk from referral to exit (follow-up still to come). */
  async amira() {
    const { refer, triage, agree, assess, targets, plan, session, reviewBeginEnding, ending, close } = steps;
    await this.child('child-amira', 'Amira', 'Khan', '2015-03-02', 6, ['young-carer']);
    await this.consent('child-amira', parentalConsent('child-amira', '2015-03-02', '2026-01-12', 'consent-1'));
    const id = 'r-amira';
    await this.referral(id, 'child-amira', { ...refer, referralId: id, childId: 'child-amira' });
    await this.referral(id, 'child-amira', {
      ...as(id, triage),
      consent: await this.mentoringConsent('child-amira', '2026-01-14'),
    } as ReferralCommand);
    await this.referral(id, 'child-amira', as(id, agree));
    await this.referral(id, 'child-amira', {
      ...as(id, assess),
      consent: await this.mentoringConsent('child-amira', '2026-01-23'),
    } as ReferralCommand);
    await this.referral(
      id,
      'child-amira',
      ...[targets, plan, session, reviewBeginEnding, ending, ...endingSessions, close].map((c) => as(id, c)),
    );
  }

  /** Jay, Year 8 young carer with poor attendance: short plan, sessions attended and missed, review continues into this week. */
  async jay() {
    const id = 'r-jay';
    await this.child('child-jay', 'Jay', 'Okoro', '2013-05-20', 8, ['young-carer']);
    await this.consent('child-jay', {
      ...parentalConsent('child-jay', '2013-05-20', '2026-01-05'),
      giver: { kind: 'parent-carer', name: 'Mr Okoro', relationship: 'father' },
    });
    await this.referral(
      id,
      'child-jay',
      referralOf(id, 'child-jay', '2026-01-06', {
        source: 'teacher',
        referrer: { role: 'form-tutor', userId: 'u-tutor-8c' },
        reasons: ['attendance-and-punctuality', 'vulnerable-group'],
        profile: { ...profile(78, 2), lateArrivals: 20, pastoralRiskFactors: ['young-carer'] },
      }),
    );
    await this.referral(id, 'child-jay', {
      ...acceptance(id, '2026-01-10', MENTORS.nicky, await this.mentoringConsent('child-jay', '2026-01-10')),
      priority: 'high',
    } as ReferralCommand);
    await this.referral(id, 'child-jay', {
      type: 'SignMentoringAgreement',
      referralId: id,
      signedOn: '2026-01-12',
      signedByChild: true,
      signedByMentor: true,
      confidentialityExplained: true,
    });
    await this.referral(id, 'child-jay', {
      type: 'RecordAssessment',
      referralId: id,
      assessmentId: 'a-jay',
      assessedOn: '2026-01-15',
      strengths: ['Devoted to his sister', 'Good at maths'],
      needs: ['Late most days after caring duties'],
      needsStatement: 'Jay needs mornings that let him arrive on time',
      baseline: { attendancePercent: 78, behaviourIncidents: 2 },
      childView: 'I hate walking in late',
      consent: await this.mentoringConsent('child-jay', '2026-01-15'),
    });
    await this.referral(
      id,
      'child-jay',
      {
        type: 'SetTargets',
        referralId: id,
        setOn: '2026-01-20',
        goals: [{ goalId: 'g-jay', outcome: 'Jay arrives on time and keeps up with work' }],
        targets: [
          {
            targetId: 't-jay-1',
            goalId: 'g-jay',
            description: 'Arrive before 8:50',
            measure: 'Late marks fewer than 2 a week',
            owner: 'Jay with young carers service',
            dueOn: '2026-02-27',
          },
          {
            targetId: 't-jay-2',
            goalId: 'g-jay',
            description: 'Hand in homework',
            measure: 'All maths homework in for 4 weeks',
            owner: 'Jay',
            dueOn: '2026-02-27',
          },
        ],
      },
      {
        type: 'AgreeActionPlan',
        referralId: id,
        planId: 'p-jay',
        agreedOn: '2026-01-20',
        strategies: ['Breakfast club place', 'Homework club'],
        services: ['Young carers service'],
        interventionLength: 'short',
        plannedEndOn: '2026-03-02',
        reviewOn: '2026-03-02',
        targetIds: ['t-jay-1', 't-jay-2'],
      },
      {
        type: 'RecordSession',
        referralId: id,
        sessionId: 's-jay-1',
        heldOn: '2026-01-22',
        kind: 'one-to-one',
        attended: true,
        notes: [{ text: 'Planned mornings', source: 'first-hand' }],
      },
      {
        type: 'RecordSession',
        referralId: id,
        sessionId: 's-jay-2',
        heldOn: '2026-01-29',
        kind: 'one-to-one',
        attended: false,
        notes: [],
      },
      {
        type: 'RecordSession',
        referralId: id,
        sessionId: 's-jay-3',
        heldOn: '2026-02-05',
        kind: 'group',
        attended: true,
        notes: [],
      },
      {
        type: 'RecordSession',
        referralId: id,
        sessionId: 's-jay-4',
        heldOn: '2026-02-12',
        kind: 'drop-in',
        attended: true,
        notes: [{ text: 'Dad is unwell again', source: 'second-hand', toldBy: "Jay's sister" }],
      },
      {
        type: 'HoldReview',
        referralId: id,
        reviewId: 'rv-jay-1',
        heldOn: '2026-03-02',
        progress: [
          { targetId: 't-jay-1', progress: 'some-progress', note: 'Late twice a week now' },
          { targetId: 't-jay-2', progress: 'achieved' },
        ],
        outcome: 'continue',
        nextReviewOn: '2026-03-13',
      },
    );
  }

  /** Kai, Year 9 at risk of exclusion, referred through behaviour tracking; his mother refuses consent. */
  async kai() {
    const id = 'r-kai';
    await this.child('child-kai', 'Kai', 'Brennan', '2011-09-10', 9);
    await this.consent(
      'child-kai',
      refuseConsent({
        consentId: 'refusal-kai',
        childId: 'child-kai',
        childDateOfBirth: '2011-09-10',
        giver: { ...mother, name: 'Ms Brennan' },
        evidence: { form: 'verbal', witnessedBy: "SENCo at the parents' meeting" },
        refusedOn: '2026-02-02',
        reason: 'We do not want him singled out',
      }),
    );
    await this.referral(
      id,
      'child-kai',
      referralOf(id, 'child-kai', '2026-01-28', {
        source: 'behaviour-tracking',
        referrer: { role: 'head-of-year', userId: 'u-hoy-9' },
        reasons: ['at-risk-of-exclusion', 'disengagement-from-education'],
        profile: profile(88, 14, 2),
      }),
    );
  }

  /** Zara, 14, assessed competent, refuses her parents access to family and health information; her case is being faded out. */
  async zara() {
    const id = 'r-zara';
    await this.child('child-zara', 'Zara', 'Ahmed', '2011-11-15', 9);
    await this.consent(
      'child-zara',
      assessCompetence({
        childId: 'child-zara',
        childDateOfBirth: '2011-11-15',
        assessmentId: 'gillick-zara',
        assessedOn: '2026-01-05',
        decisionAbout: 'Who is told what I share with my mentor',
      }),
      parentalConsent('child-zara', '2011-11-15', '2026-01-06'),
      refuseConsent({
        consentId: 'zara-refuses-parents',
        childId: 'child-zara',
        childDateOfBirth: '2011-11-15',
        giver: theChild,
        informed: { ...informed, recipients: 'My mum and dad' },
        scope: {
          purposes: ['information-sharing'],
          recipients: ['parent-carer'],
          categories: ['family-circumstances', 'health'],
        },
        evidence: { form: 'written', documentRef: 'zara-statement-2026-01-08' },
        refusedOn: '2026-01-08',
      }),
    );
    await this.referral(
      id,
      'child-zara',
      referralOf(id, 'child-zara', '2026-01-06', {
        source: 'self-referral',
        referrer: { role: 'young-person' },
        reasons: ['emotional-difficulties'],
      }),
    );
    await this.referral(id, 'child-zara', {
      ...acceptance(id, '2026-01-08', MENTORS.helen, await this.mentoringConsent('child-zara', '2026-01-08')),
      baeCategory: 'C',
    } as ReferralCommand);
    await this.referral(id, 'child-zara', {
      type: 'SignMentoringAgreement',
      referralId: id,
      signedOn: '2026-01-09',
      signedByChild: true,
      signedByMentor: true,
      confidentialityExplained: true,
    });
    await this.referral(id, 'child-zara', {
      type: 'RecordAssessment',
      referralId: id,
      assessmentId: 'a-zara',
      assessedOn: '2026-01-12',
      strengths: ['Articulate'],
      needs: ['Anxiety at home spilling into lessons'],
      needsStatement: 'Zara needs a safe space and coping strategies',
      baseline: { attendancePercent: 92, behaviourIncidents: 1 },
      childView: 'I just need someone to talk to who will not tell my mum everything',
      consent: await this.mentoringConsent('child-zara', '2026-01-12'),
    });
    await this.referral(
      id,
      'child-zara',
      {
        type: 'SetTargets',
        referralId: id,
        setOn: '2026-01-14',
        goals: [{ goalId: 'g-zara', outcome: 'Zara manages her anxiety in lessons' }],
        targets: [
          {
            targetId: 't-zara',
            goalId: 'g-zara',
            description: 'Use the calm card',
            measure: 'Fewer than one lesson exit a week',
            owner: 'Zara',
            dueOn: '2026-02-25',
          },
        ],
      },
      {
        type: 'AgreeActionPlan',
        referralId: id,
        planId: 'p-zara',
        agreedOn: '2026-01-14',
        strategies: ['Weekly one-to-one', 'Calm card'],
        services: ['School counsellor'],
        interventionLength: 'medium',
        plannedEndOn: '2026-04-01',
        reviewOn: '2026-02-25',
        targetIds: ['t-zara'],
      },
      {
        type: 'HoldReview',
        referralId: id,
        reviewId: 'rv-zara',
        heldOn: '2026-02-25',
        progress: [{ targetId: 't-zara', progress: 'achieved' }],
        outcome: 'begin-ending',
      },
      {
        type: 'PlanEnding',
        referralId: id,
        plannedOn: '2026-02-25',
        sessionsRemaining: 4,
        endOn: '2026-03-18',
        fading: ['sessions-further-apart'],
      },
      {
        type: 'RecordSession',
        referralId: id,
        sessionId: 's-zara-9',
        heldOn: '2026-03-04',
        kind: 'one-to-one',
        attended: true,
        notes: [],
      },
    );
  }

  /** Tom moved school mid-intervention: an unplanned closure with his exit measures. */
  async tom() {
    const id = 'r-tom';
    await this.child('child-tom', 'Tom', 'Price', '2014-02-01', 6);
    await this.consent('child-tom', parentalConsent('child-tom', '2014-02-01', '2026-01-05'));
    await this.referral(id, 'child-tom', referralOf(id, 'child-tom', '2026-01-05', { profile: profile(90, 3) }));
    await this.referral(
      id,
      'child-tom',
      acceptance(id, '2026-01-07', MENTORS.nicky, await this.mentoringConsent('child-tom', '2026-01-07')),
    );
    await this.referral(id, 'child-tom', {
      type: 'CloseCase',
      referralId: id,
      closedOn: '2026-02-20',
      reason: 'moved-school',
      reasonDetail: 'Family moved to Leeds',
      exit: { attendancePercent: 88, behaviourIncidents: 4 },
    });
  }

  /** Lily's mother mentioned her worries at the gate: a verbal referral, profile to follow. */
  async lily() {
    await this.child('child-lily', 'Lily', 'Evans', '2017-04-04', 3);
    await this.referral(
      'r-lily',
      'child-lily',
      referralOf('r-lily', 'child-lily', '2026-03-09', {
        source: 'parent-carer',
        referrer: { role: 'parent-carer' },
        referrerName: 'Mrs Evans',
        reasons: ['victim-of-bullying'],
        profile: undefined,
      }),
    );
  }

  /** A busy mentor: one-to-one cases up to `count`, one of them (Ben) with a review overdue. */
  async caseload(mentorId: string, prefix: string, count: number, groups = 0) {
    for (let i = 1; i <= count; i += 1) await this.placed(`r-${prefix}-${i}`, `child-${prefix}-${i}`, mentorId);
    for (let i = 1; i <= groups; i += 1)
      await this.placed(`r-${prefix}-group-${i}`, `child-${prefix}-group-${i}`, mentorId, 'group');
  }

  async benReviewOverdue(referralId: string, childId: string) {
    await this.referral(referralId, childId, {
      type: 'SignMentoringAgreement',
      referralId,
      signedOn: '2026-01-08',
      signedByChild: true,
      signedByMentor: true,
      confidentialityExplained: true,
    });
    await this.referral(referralId, childId, {
      type: 'RecordAssessment',
      referralId,
      assessmentId: `a-${referralId}`,
      assessedOn: '2026-01-09',
      strengths: ['Sporty'],
      needs: ['Loses temper at break'],
      needsStatement: 'Needs strategies for break times',
      baseline: { attendancePercent: 95, behaviourIncidents: 5 },
      childView: 'Other kids wind me up',
      consent: await this.mentoringConsent(childId, '2026-01-09'),
    });
    await this.referral(
      referralId,
      childId,
      {
        type: 'SetTargets',
        referralId,
        setOn: '2026-01-12',
        goals: [{ goalId: 'g', outcome: 'Calm break times' }],
        targets: [
          {
            targetId: 't',
            goalId: 'g',
            description: 'Walk away and tell an adult',
            measure: 'No more than 1 incident a week',
            owner: 'Ben',
            dueOn: '2026-03-06',
          },
        ],
      },
      {
        type: 'AgreeActionPlan',
        referralId,
        planId: 'p',
        agreedOn: '2026-01-12',
        strategies: ['Anger management programme'],
        services: ['Lunchtime club'],
        interventionLength: 'long',
        reviewOn: '2026-03-06',
        targetIds: ['t'],
      },
    );
  }
}
