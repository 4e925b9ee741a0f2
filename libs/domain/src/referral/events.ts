import type { AgencyId, DomainEvent, EventSchema, IsoDate } from '../shared';
import { boolean, date, integer, list, number, optional, record, text } from '../shared/payload-shape';
import type {
  AttainmentAgainstTarget,
  BaeCategory,
  BarrierToLearning,
  ClosureReason,
  FadingStep,
  FollowUpOutcome,
  InterventionLength,
  LevelOfNeed,
  NoteSource,
  PastoralRiskFactor,
  Priority,
  ReferralSource,
  ReviewOutcome,
  SessionKind,
  TargetProgress,
  TriageOutcome,
  WorkMode,
} from './vocabulary';

/**
 * The Primary Assessment Profile completed with the referral form (001; 003 §1a
 * "referral procedures may include"): the numbers outcomes are later measured against.
 */
export interface PrimaryAssessmentProfile {
  readonly completedOn: IsoDate;
  readonly attendancePercent: number;
  /** Late marks this term. */
  readonly lateArrivals: number;
  /** Behaviour incidents this term, fixed-term exclusions counted apart. */
  readonly behaviourIncidents: number;
  readonly fixedTermExclusions: number;
  readonly attainmentAgainstTarget: AttainmentAgainstTarget;
  readonly pastoralRiskFactors: readonly PastoralRiskFactor[];
  readonly teacherAssessment?: string;
}

/** Attendance and behaviour measured at a point of the case: baseline, exit, follow-up. */
export interface Measures {
  readonly attendancePercent: number;
  readonly behaviourIncidents: number;
  readonly fixedTermExclusions?: number;
}

export interface Referrer {
  readonly role: string;
  /** The member of staff, when the referrer is one. */
  readonly userId?: string;
}

interface OfTheCase {
  readonly referralId: string;
  readonly childId: string;
}

export type ReferralMade = DomainEvent<
  'ReferralMade',
  OfTheCase & {
    readonly schoolId: `school-${string}`;
    readonly referredOn: IsoDate;
    readonly source: ReferralSource;
    readonly referrer: Referrer;
    /** A parent's or the child's name when they referred; staff are named by userId. */
    readonly referrerName?: string;
    readonly referringAgencyId?: AgencyId;
    readonly reasons: readonly BarrierToLearning[];
    readonly reasonsDetail?: string;
    readonly profile?: PrimaryAssessmentProfile;
  }
>;

/** 002: a verbal referral "will always be followed up using a referral form". */
export type PrimaryAssessmentProfileCompleted = DomainEvent<
  'PrimaryAssessmentProfileCompleted',
  OfTheCase & { readonly profile: PrimaryAssessmentProfile }
>;

export type ReferralTriaged = DomainEvent<
  'ReferralTriaged',
  OfTheCase & {
    readonly triagedOn: IsoDate;
    readonly priority: Priority;
    readonly levelOfNeed: LevelOfNeed;
    readonly baeCategory: BaeCategory;
    readonly outcome: TriageOutcome;
    /** Accepted: the allocated mentor and whether the work is one-to-one (caseload) or group. */
    readonly mentorId?: string;
    readonly workMode?: WorkMode;
    /** Accepted: the consents that covered placement on the register, one per category. */
    readonly consentIds?: readonly string[];
    /** Declined or redirected: why. */
    readonly reason?: string;
  }
>;

export type MentoringAgreementSigned = DomainEvent<
  'MentoringAgreementSigned',
  OfTheCase & {
    readonly signedOn: IsoDate;
    readonly mentorId: string;
    readonly signedByChild: true;
    readonly signedByMentor: true;
    /** 002: pupils are told what is confidential and what has to be disclosed; no promise of secrecy. */
    readonly confidentialityExplained: true;
    readonly documentRef?: string;
  }
>;

export type AssessmentRecorded = DomainEvent<
  'AssessmentRecorded',
  OfTheCase & {
    readonly assessmentId: string;
    readonly assessedOn: IsoDate;
    readonly strengths: readonly string[];
    readonly needs: readonly string[];
    /** 003 §1a: the shared understanding of the issues, the basis for goals. */
    readonly needsStatement: string;
    readonly baseline: Measures & {
      readonly otherMeasures?: ReadonlyArray<{ readonly name: string; readonly value: string }>;
    };
    /** 003 Box 1: "They are the expert in their own lives." */
    readonly childView: string;
    readonly toolsUsed?: readonly string[];
    readonly consentIds: readonly string[];
  }
>;

export interface Goal {
  readonly goalId: string;
  /** What will be different for the child at the end, in behavioural terms (003 §1a). */
  readonly outcome: string;
}

/** A SMART target: the measure says how we will know, the owner who acts, by when. */
export interface Target {
  readonly targetId: string;
  readonly goalId: string;
  readonly description: string;
  readonly measure: string;
  readonly owner: string;
  readonly dueOn: IsoDate;
}

export type TargetsSet = DomainEvent<
  'TargetsSet',
  OfTheCase & { readonly setOn: IsoDate; readonly goals: readonly Goal[]; readonly targets: readonly Target[] }
>;

export type ActionPlanAgreed = DomainEvent<
  'ActionPlanAgreed',
  OfTheCase & {
    readonly planId: string;
    readonly agreedOn: IsoDate;
    readonly strategies: readonly string[];
    readonly services: readonly string[];
    readonly interventionLength: InterventionLength;
    /** Required for short and medium interventions. */
    readonly plannedEndOn?: IsoDate;
    readonly reviewOn: IsoDate;
    readonly targetIds: readonly string[];
  }
>;

export interface SessionNote {
  readonly text: string;
  readonly source: NoteSource;
  /** Second-hand: who said it (e.g. "class teacher", "mother by phone"). */
  readonly toldBy?: string;
}

export type SessionRecorded = DomainEvent<
  'SessionRecorded',
  OfTheCase & {
    readonly sessionId: string;
    readonly heldOn: IsoDate;
    readonly kind: SessionKind;
    readonly attended: boolean;
    readonly durationMinutes?: number;
    readonly targetIds?: readonly string[];
    readonly notes: readonly SessionNote[];
  }
>;

export interface TargetReview {
  readonly targetId: string;
  readonly progress: TargetProgress;
  readonly note?: string;
}

export type ReviewHeld = DomainEvent<
  'ReviewHeld',
  OfTheCase & {
    readonly reviewId: string;
    readonly heldOn: IsoDate;
    readonly progress: readonly TargetReview[];
    readonly outcome: ReviewOutcome;
    readonly nextReviewOn?: IsoDate;
    readonly childView?: string;
  }
>;

export type EndingPlanned = DomainEvent<
  'EndingPlanned',
  OfTheCase & {
    readonly plannedOn: IsoDate;
    /** 003 §1a: endings are discussed three to seven sessions before they happen. */
    readonly sessionsRemaining: number;
    readonly endOn: IsoDate;
    readonly fading: readonly FadingStep[];
  }
>;

export type CaseClosed = DomainEvent<
  'CaseClosed',
  OfTheCase & {
    readonly closedOn: IsoDate;
    readonly reason: ClosureReason;
    readonly reasonDetail?: string;
    readonly exit: Measures;
    readonly evaluation?: string;
    readonly followUpDueOn?: IsoDate;
    readonly referredOnTo?: AgencyId;
  }
>;

export type FollowUpRecorded = DomainEvent<
  'FollowUpRecorded',
  OfTheCase & {
    readonly followUpId: string;
    readonly heldOn: IsoDate;
    readonly outcome: FollowUpOutcome;
    readonly measures?: Measures;
    readonly note?: string;
  }
>;

export type ReferralEvent =
  | ReferralMade
  | PrimaryAssessmentProfileCompleted
  | ReferralTriaged
  | MentoringAgreementSigned
  | AssessmentRecorded
  | TargetsSet
  | ActionPlanAgreed
  | SessionRecorded
  | ReviewHeld
  | EndingPlanned
  | CaseClosed
  | FollowUpRecorded;

/**
 * Personal fields: names, free text, views, and whatever describes the child (reasons,
 * profile, measures, goals and targets in the child's own terms). Ids, dates, stages,
 * levels and counts stay readable so the case can be followed after crypto-shredding.
 */
const ofCase = { referralId: text, childId: text };
const measureFields = {
  attendancePercent: number,
  behaviourIncidents: integer,
  fixedTermExclusions: optional(integer),
};
const measures = record(measureFields);
const profile = record({
  completedOn: date,
  attendancePercent: number,
  lateArrivals: integer,
  behaviourIncidents: integer,
  fixedTermExclusions: integer,
  attainmentAgainstTarget: text,
  pastoralRiskFactors: list(text),
  teacherAssessment: optional(text),
});

export const referralEventSchemas: EventSchema[] = [
  {
    type: 'ReferralMade',
    schemaVersion: 1,
    personalFields: ['referrerName', 'reasons', 'reasonsDetail', 'profile'],
    payload: {
      ...ofCase,
      schoolId: text,
      referredOn: date,
      source: text,
      referrer: record({ role: text, userId: optional(text) }),
      referrerName: optional(text),
      referringAgencyId: optional(text),
      reasons: list(text),
      reasonsDetail: optional(text),
      profile: optional(profile),
    },
  },
  {
    type: 'PrimaryAssessmentProfileCompleted',
    schemaVersion: 1,
    personalFields: ['profile'],
    payload: { ...ofCase, profile },
  },
  {
    type: 'ReferralTriaged',
    schemaVersion: 1,
    personalFields: ['reason'],
    payload: {
      ...ofCase,
      triagedOn: date,
      priority: text,
      levelOfNeed: integer,
      baeCategory: text,
      outcome: text,
      mentorId: optional(text),
      workMode: optional(text),
      consentIds: optional(list(text)),
      reason: optional(text),
    },
  },
  {
    type: 'MentoringAgreementSigned',
    schemaVersion: 1,
    personalFields: [],
    payload: {
      ...ofCase,
      signedOn: date,
      mentorId: text,
      signedByChild: boolean,
      signedByMentor: boolean,
      confidentialityExplained: boolean,
      documentRef: optional(text),
    },
  },
  {
    type: 'AssessmentRecorded',
    schemaVersion: 1,
    personalFields: ['strengths', 'needs', 'needsStatement', 'baseline', 'childView', 'toolsUsed'],
    payload: {
      ...ofCase,
      assessmentId: text,
      assessedOn: date,
      strengths: list(text),
      needs: list(text),
      needsStatement: text,
      baseline: record({ ...measureFields, otherMeasures: optional(list(record({ name: text, value: text }))) }),
      childView: text,
      toolsUsed: optional(list(text)),
      consentIds: list(text),
    },
  },
  {
    type: 'TargetsSet',
    schemaVersion: 1,
    personalFields: ['goals', 'targets'],
    payload: {
      ...ofCase,
      setOn: date,
      goals: list(record({ goalId: text, outcome: text })),
      targets: list(
        record({ targetId: text, goalId: text, description: text, measure: text, owner: text, dueOn: date }),
      ),
    },
  },
  {
    type: 'ActionPlanAgreed',
    schemaVersion: 1,
    personalFields: ['strategies'],
    payload: {
      ...ofCase,
      planId: text,
      agreedOn: date,
      strategies: list(text),
      services: list(text),
      interventionLength: text,
      plannedEndOn: optional(date),
      reviewOn: date,
      targetIds: list(text),
    },
  },
  {
    type: 'SessionRecorded',
    schemaVersion: 1,
    personalFields: ['notes'],
    payload: {
      ...ofCase,
      sessionId: text,
      heldOn: date,
      kind: text,
      attended: boolean,
      durationMinutes: optional(number),
      targetIds: optional(list(text)),
      notes: list(record({ text, source: text, toldBy: optional(text) })),
    },
  },
  {
    type: 'ReviewHeld',
    schemaVersion: 1,
    personalFields: ['progress', 'childView'],
    payload: {
      ...ofCase,
      reviewId: text,
      heldOn: date,
      progress: list(record({ targetId: text, progress: text, note: optional(text) })),
      outcome: text,
      nextReviewOn: optional(date),
      childView: optional(text),
    },
  },
  {
    type: 'EndingPlanned',
    schemaVersion: 1,
    personalFields: [],
    payload: { ...ofCase, plannedOn: date, sessionsRemaining: integer, endOn: date, fading: list(text) },
  },
  {
    type: 'CaseClosed',
    schemaVersion: 1,
    personalFields: ['reasonDetail', 'exit', 'evaluation'],
    payload: {
      ...ofCase,
      closedOn: date,
      reason: text,
      reasonDetail: optional(text),
      exit: measures,
      evaluation: optional(text),
      followUpDueOn: optional(date),
      referredOnTo: optional(text),
    },
  },
  {
    type: 'FollowUpRecorded',
    schemaVersion: 1,
    personalFields: ['measures', 'note'],
    payload: {
      ...ofCase,
      followUpId: text,
      heldOn: date,
      outcome: text,
      measures: optional(measures),
      note: optional(text),
    },
  },
];

export const referralStream = (referralId: string): string => `referral-${referralId}`;
