import type { CoverageAnswer } from '../consent/coverage';
import { consentNeededForMentoring } from '../referral/consent-gate';
import type { ReferralCommand } from '../referral/commands';
import { referralDecider } from '../referral/decider';
import type { ReferralEvent } from '../referral/events';
import { isDomainError, replay } from '../shared';

/**
 * A Year 6 pupil at Oakfield, vulnerable at transition and a young carer with poor
 * attendance: the case walked through every R.A.F.I.E. step.
 */
export const SCHOOL = 'school-oakfield' as const;

export const profile = {
  completedOn: '2026-01-09',
  attendancePercent: 84.5,
  lateArrivals: 11,
  behaviourIncidents: 6,
  fixedTermExclusions: 1,
  attainmentAgainstTarget: 'below-target',
  pastoralRiskFactors: ['young-carer'],
  teacherAssessment: 'Working below age-related expectations in writing',
} as const;

export const coveredBy = (consentId: string, at = '2026-01-14'): CoverageAnswer[] =>
  consentNeededForMentoring(SCHOOL).map((question) => ({
    covered: true,
    question: { ...question, at },
    basis: 'consent',
    consentId,
    giverKind: 'parent-carer',
  }));

export const steps = {
  refer: {
    type: 'MakeReferral',
    referralId: 'r-1',
    childId: 'child-1',
    schoolId: SCHOOL,
    referredOn: '2026-01-09',
    source: 'teacher',
    referrer: { role: 'class-teacher', userId: 'u-teacher-6b' },
    reasons: ['vulnerable-at-transition', 'reluctant-attender-or-school-refuser', 'low-confidence-and-self-esteem'],
    reasonsDetail: 'Cares for her mum most mornings; anxious about moving to secondary',
    profile,
  },
  triage: {
    type: 'TriageReferral',
    referralId: 'r-1',
    triagedOn: '2026-01-14',
    priority: 'high',
    levelOfNeed: 2,
    baeCategory: 'B',
    outcome: 'accepted-onto-register',
    mentorId: 'u-mentor-nicky',
    workMode: 'one-to-one',
    consent: coveredBy('consent-1'),
  },
  agree: {
    type: 'SignMentoringAgreement',
    referralId: 'r-1',
    signedOn: '2026-01-16',
    signedByChild: true,
    signedByMentor: true,
    confidentialityExplained: true,
  },
  assess: {
    type: 'RecordAssessment',
    referralId: 'r-1',
    assessmentId: 'a-1',
    assessedOn: '2026-01-23',
    strengths: ['Kind and responsible', 'Enjoys art'],
    needs: ['Gets to school late after caring in the morning', 'Worries about the move to secondary'],
    needsStatement: 'Amira needs support to arrive on time and to feel ready for Year 7',
    baseline: { attendancePercent: 84.5, behaviourIncidents: 6, fixedTermExclusions: 1 },
    childView: 'I want to be on time and I want to know where things are at the big school',
    toolsUsed: ['Boxall profile'],
    consent: coveredBy('consent-1', '2026-01-23'),
  },
  targets: {
    type: 'SetTargets',
    referralId: 'r-1',
    setOn: '2026-01-30',
    goals: [{ goalId: 'g-1', outcome: 'Amira arrives on time and feels ready for secondary school' }],
    targets: [
      {
        targetId: 't-1',
        goalId: 'g-1',
        description: 'Arrive before the register closes',
        measure: 'On time 4 days out of 5 for 3 weeks',
        owner: 'Amira with the breakfast club',
        dueOn: '2026-03-06',
      },
      {
        targetId: 't-2',
        goalId: 'g-1',
        description: 'Visit Ridgeway Academy and meet her tutor',
        measure: 'Visit done and questions list answered',
        owner: 'Learning mentor',
        dueOn: '2026-03-13',
      },
    ],
  },
  plan: {
    type: 'AgreeActionPlan',
    referralId: 'r-1',
    planId: 'p-1',
    agreedOn: '2026-01-30',
    strategies: ['Breakfast club place', 'Weekly one-to-one on transition worries'],
    services: ['Breakfast club', 'Young carers service'],
    interventionLength: 'medium',
    plannedEndOn: '2026-04-24',
    reviewOn: '2026-03-13',
    targetIds: ['t-1', 't-2'],
  },
  session: {
    type: 'RecordSession',
    referralId: 'r-1',
    sessionId: 's-1',
    heldOn: '2026-02-05',
    kind: 'one-to-one',
    attended: true,
    durationMinutes: 30,
    targetIds: ['t-1'],
    notes: [
      { text: 'Made a morning checklist together', source: 'first-hand' },
      { text: 'Mum had a hospital appointment this week', source: 'second-hand', toldBy: 'Amira' },
    ],
  },
  reviewBeginEnding: {
    type: 'HoldReview',
    referralId: 'r-1',
    reviewId: 'rv-1',
    heldOn: '2026-03-13',
    progress: [
      { targetId: 't-1', progress: 'achieved' },
      { targetId: 't-2', progress: 'achieved', note: 'Visited with her mum' },
    ],
    outcome: 'begin-ending',
    childView: 'I feel ready',
  },
  ending: {
    type: 'PlanEnding',
    referralId: 'r-1',
    plannedOn: '2026-03-13',
    sessionsRemaining: 4,
    endOn: '2026-04-17',
    fading: ['sessions-further-apart', 'drop-in-instead'],
  },
  close: {
    type: 'CloseCase',
    referralId: 'r-1',
    closedOn: '2026-04-17',
    reason: 'planned-ending',
    exit: { attendancePercent: 93, behaviourIncidents: 1, fixedTermExclusions: 0 },
    evaluation: 'Attendance up, settled, ready for Year 7',
    followUpDueOn: '2026-06-12',
  },
  followUp: {
    type: 'RecordFollowUp',
    referralId: 'r-1',
    followUpId: 'f-1',
    heldOn: '2026-06-12',
    outcome: 'progress-sustained',
    measures: { attendancePercent: 95, behaviourIncidents: 0 },
    note: 'Still on time; looking forward to Ridgeway',
  },
} satisfies Record<string, ReferralCommand>;

/** The four sessions the planned ending announced, held before the case closes on 17 April. */
export const endingSessions: ReferralCommand[] = ['2026-03-20', '2026-03-27', '2026-04-10', '2026-04-17'].map(
  (heldOn, index) => ({
    ...steps.session,
    sessionId: `s-end-${index + 1}`,
    heldOn,
    notes: [{ text: 'Counting down to the last session', source: 'first-hand' }],
  }),
);

/** Every step of the example case in the order it happened. */
export const wholeCase: ReferralCommand[] = (() => {
  const { close, followUp, ...upToTheEnding } = steps;
  return [...Object.values(upToTheEnding), ...endingSessions, close, followUp];
})();

/** The events of a case taken through the given commands, refusing loudly if a step is refused. */
export function caseThrough(...commands: ReferralCommand[]): ReferralEvent[] {
  const events: ReferralEvent[] = [];
  for (const command of commands) {
    const outcome = referralDecider.decide(command, replay(referralDecider, events));
    if (isDomainError(outcome)) throw new Error(`${command.type} refused: ${outcome.rule} ${outcome.message}`);
    events.push(...outcome);
  }
  return events;
}
