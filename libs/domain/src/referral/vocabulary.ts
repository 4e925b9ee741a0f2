/**
 * The words of learning-mentor casework, taken from the seeds so that a mentor reading
 * a record recognises them: 001 (MAST / learning-mentor process), 002 (school policy),
 * 003 (national practice guide).
 */

/** Who referred: 001 (staff, behaviour-policy tracking, other agencies), 002 (parent, teacher, TA, the child, SENCo data analysis). */
export const REFERRAL_SOURCES = [
  'teacher',
  'teaching-assistant',
  'parent-carer',
  'self-referral',
  'senco-data-analysis',
  'behaviour-tracking',
  'other-agency',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** Barriers to learning: the union of 001's "causes of need and presentation" and 002's list. */
export const BARRIERS_TO_LEARNING = [
  'at-risk-of-exclusion',
  'disengagement-from-education',
  'emotional-truancy',
  'reluctant-attender-or-school-refuser',
  'persistent-underachievement',
  'multiple-disadvantage',
  'low-confidence-and-self-esteem',
  'vulnerable-group',
  'emotional-difficulties',
  'social-and-emotional-needs',
  'bullying-others',
  'victim-of-bullying',
  'vulnerable-at-transition',
  'difficulty-in-learning',
  'attendance-and-punctuality',
] as const;
export type BarrierToLearning = (typeof BARRIERS_TO_LEARNING)[number];

/** 003 §1a "pastoral information (including risk factors such as child protection, bereavement or high mobility)". */
export const PASTORAL_RISK_FACTORS = [
  'child-protection',
  'bereavement',
  'high-mobility',
  'looked-after',
  'young-carer',
  'forces-family',
  'family-breakdown',
  'domestic-abuse',
  'parental-mental-health',
  'housing-insecurity',
  'other',
] as const;
export type PastoralRiskFactor = (typeof PASTORAL_RISK_FACTORS)[number];

export const ATTAINMENT_AGAINST_TARGET = ['above-target', 'on-target', 'below-target', 'well-below-target'] as const;
export type AttainmentAgainstTarget = (typeof ATTAINMENT_AGAINST_TARGET)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Threshold continuum (001): 1 universal, 2 targeted single-agency (learning mentors), 3 multi-agency, 4 statutory/specialist. */
export const LEVELS_OF_NEED = [1, 2, 3, 4] as const;
export type LevelOfNeed = (typeof LEVELS_OF_NEED)[number];

/** The B.A.E. (Behaviour, Attendance, Emotional) audit continuum (001); learning mentors typically work at B/C. */
export const BAE_CATEGORIES = ['A', 'B', 'C', 'D'] as const;
export type BaeCategory = (typeof BAE_CATEGORIES)[number];

export const TRIAGE_OUTCOMES = ['accepted-onto-register', 'declined', 'redirected-to-mast'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

/** One-to-one work is caseload; group work is held as a case too but is not caseload (003 §4e). */
export const WORK_MODES = ['one-to-one', 'group'] as const;
export type WorkMode = (typeof WORK_MODES)[number];

/** Intervention length (002 "proposed time frameworks"): short up to 6 weeks, medium up to 12, long open. */
export const INTERVENTION_LENGTHS = ['short', 'medium', 'long'] as const;
export type InterventionLength = (typeof INTERVENTION_LENGTHS)[number];
export const INTERVENTION_WEEKS: Record<InterventionLength, number | undefined> = {
  short: 6,
  medium: 12,
  long: undefined,
};

/** 002 "Learning Mentor support may be via": 1:1 sessions, support in class, group work, drop in sessions. */
export const SESSION_KINDS = ['one-to-one', 'group', 'in-class', 'drop-in'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** Box 7/8: records are factual and second-hand information is marked as such. */
export const NOTE_SOURCES = ['first-hand', 'second-hand'] as const;
export type NoteSource = (typeof NOTE_SOURCES)[number];

export const TARGET_PROGRESS = ['achieved', 'good-progress', 'some-progress', 'no-progress'] as const;
export type TargetProgress = (typeof TARGET_PROGRESS)[number];

/** 003 Box 1 step 5: continue, form a new action plan, or begin the ending process. */
export const REVIEW_OUTCOMES = ['continue', 're-plan', 'begin-ending'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** 003 §1a endings and Box 6: ways of fading support rather than stopping abruptly. */
export const FADING_STEPS = [
  'sessions-further-apart',
  'shorter-sessions',
  'support-back-in-class',
  'drop-in-instead',
  'self-referral-open',
] as const;
export type FadingStep = (typeof FADING_STEPS)[number];

export const CLOSURE_REASONS = [
  'planned-ending',
  'moved-school',
  'referred-on',
  'consent-withdrawn',
  'disengaged',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const FOLLOW_UP_OUTCOMES = ['progress-sustained', 'some-concerns', 'support-needed-again'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** The categories of information learning-mentor work uses; parental consent must cover each (001). */
export const MENTORING_CATEGORIES = ['education', 'attendance', 'behaviour'] as const;
