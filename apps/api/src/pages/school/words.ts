import {
  ATTAINMENT_AGAINST_TARGET,
  BAE_CATEGORIES,
  CLOSURE_REASONS,
  FADING_STEPS,
  FOLLOW_UP_OUTCOMES,
  INTERVENTION_LENGTHS,
  LEVELS_OF_NEED,
  NOTE_SOURCES,
  PASTORAL_RISK_FACTORS,
  PRIORITIES,
  REVIEW_OUTCOMES,
  SESSION_KINDS,
  TARGET_PROGRESS,
  TRIAGE_OUTCOMES,
  WORK_MODES,
} from '@app/domain';
import { NAMED_AGENCIES } from '@app/domain';

/** The domain's vocabulary with the words a school uses for each value, as radio options. */
const options = <T extends string | number>(values: readonly T[], words: Record<string, string>) =>
  values.map((value) => ({ value: String(value), text: words[String(value)] ?? String(value) }));

export const OPTIONS = {
  priority: options(PRIORITIES, { high: 'High', medium: 'Medium', low: 'Low' }),
  levelOfNeed: options(LEVELS_OF_NEED, {
    1: '1 – universal',
    2: '2 – targeted, single agency (learning mentors)',
    3: '3 – multi-agency',
    4: '4 – statutory or specialist',
  }),
  baeCategory: options(BAE_CATEGORIES, { A: 'A', B: 'B', C: 'C', D: 'D' }),
  outcome: options(TRIAGE_OUTCOMES, {
    'accepted-onto-register': 'Accept onto the Learning Mentor Pupil Register',
    declined: 'Decline',
    'redirected-to-mast': 'Redirect to MAST',
  }),
  workMode: options(WORK_MODES, { 'one-to-one': 'One-to-one', group: 'Group' }),
  kind: options(SESSION_KINDS, {
    'one-to-one': 'One-to-one',
    group: 'Group',
    'in-class': 'Support in class',
    'drop-in': 'Drop-in',
  }),
  noteSource: options(NOTE_SOURCES, {
    'first-hand': 'What I saw or heard myself',
    'second-hand': 'What someone told me',
  }),
  attainmentAgainstTarget: options(ATTAINMENT_AGAINST_TARGET, {
    'above-target': 'Above target',
    'on-target': 'On target',
    'below-target': 'Below target',
    'well-below-target': 'Well below target',
  }),
  pastoralRiskFactors: options(PASTORAL_RISK_FACTORS, {
    'child-protection': 'Child protection',
    bereavement: 'Bereavement',
    'high-mobility': 'High mobility (several moves of school or home)',
    'looked-after': 'Looked after',
    'young-carer': 'Young carer',
    'forces-family': 'Forces family',
    'family-breakdown': 'Family breakdown',
    'domestic-abuse': 'Domestic abuse',
    'parental-mental-health': "A parent's mental health",
    'housing-insecurity': 'Housing insecurity',
    other: 'Other',
  }),
  interventionLength: options(INTERVENTION_LENGTHS, {
    short: 'Short: up to 6 weeks',
    medium: 'Medium: up to 12 weeks',
    long: 'Long: open-ended',
  }),
  progress: options(TARGET_PROGRESS, {
    achieved: 'Achieved',
    'good-progress': 'Good progress',
    'some-progress': 'Some progress',
    'no-progress': 'No progress',
  }),
  reviewOutcome: options(REVIEW_OUTCOMES, {
    continue: 'Continue the plan',
    're-plan': 'Draw up a new action plan',
    'begin-ending': 'Begin the ending',
  }),
  fading: options(FADING_STEPS, {
    'sessions-further-apart': 'Sessions further apart',
    'shorter-sessions': 'Shorter sessions',
    'support-back-in-class': 'Support back in class',
    'drop-in-instead': 'Drop-in sessions instead',
    'self-referral-open': 'The child may refer themself again',
  }),
  closureReason: options(CLOSURE_REASONS, {
    'planned-ending': 'Planned ending',
    'moved-school': 'Moved school',
    'referred-on': 'Referred on to another agency',
    'consent-withdrawn': 'Consent withdrawn',
    disengaged: 'The child disengaged',
    other: 'Other',
  }),
  followUpOutcome: options(FOLLOW_UP_OUTCOMES, {
    'progress-sustained': 'Progress sustained',
    'some-concerns': 'Some concerns',
    'support-needed-again': 'Support needed again',
  }),
  referredOnTo: options(NAMED_AGENCIES, {
    mast: 'MAST',
    'social-care': "Children's social care",
    health: 'Health',
    'education-welfare': 'Education welfare',
    police: 'Police',
    'youth-service': 'Youth service',
  }),
};

/** What each recorded event of a case says on its timeline. */
export const EVENT_WORDS: Readonly<Record<string, string>> = {
  ReferralMade: 'Referral made',
  PrimaryAssessmentProfileCompleted: 'Primary Assessment Profile completed',
  ReferralTriaged: 'Referral triaged',
  MentoringAgreementSigned: 'Mentoring agreement signed',
  AssessmentRecorded: 'Assessment recorded',
  TargetsSet: 'Targets set',
  ActionPlanAgreed: 'Action plan agreed',
  SessionRecorded: 'Session recorded',
  ReviewHeld: 'Review held',
  EndingPlanned: 'Ending planned',
  CaseClosed: 'Case closed (exit)',
  FollowUpRecorded: 'Follow-up recorded',
};
