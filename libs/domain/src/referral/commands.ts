import type { AgencyId, IsoDate } from '../shared';
import type { CoverageAnswer } from '../consent/coverage';
import type { Goal, Measures, PrimaryAssessmentProfile, Referrer, SessionNote, Target, TargetReview } from './events';
import type {
  BaeCategory,
  BarrierToLearning,
  ClosureReason,
  FadingStep,
  FollowUpOutcome,
  InterventionLength,
  LevelOfNeed,
  Priority,
  ReferralSource,
  ReviewOutcome,
  SessionKind,
  TriageOutcome,
  WorkMode,
} from './vocabulary';

/** Every command after the first names only the case: the child comes from the case itself. */
interface ToTheCase {
  readonly referralId: string;
}

export interface MakeReferral extends ToTheCase {
  readonly type: 'MakeReferral';
  readonly childId: string;
  readonly schoolId: `school-${string}`;
  readonly referredOn: IsoDate;
  readonly source: ReferralSource;
  readonly referrer: Referrer;
  readonly referrerName?: string;
  readonly referringAgencyId?: AgencyId;
  readonly reasons: readonly BarrierToLearning[];
  readonly reasonsDetail?: string;
  readonly profile?: PrimaryAssessmentProfile;
  /** From the child's record, read by the platform: a child is referred only once born. */
  readonly childDateOfBirth?: IsoDate;
}

export interface CompletePrimaryAssessmentProfile extends ToTheCase {
  readonly type: 'CompletePrimaryAssessmentProfile';
  readonly profile: PrimaryAssessmentProfile;
}

/**
 * Accepting onto the register carries the consent coverage answers (consentCoverage over
 * consent-{childId}, read by the caller) for learning-mentor-support at the school on each
 * mentoring category: this aggregate judges them, it does not fetch them.
 */
export interface TriageReferral extends ToTheCase {
  readonly type: 'TriageReferral';
  readonly triagedOn: IsoDate;
  readonly priority: Priority;
  readonly levelOfNeed: LevelOfNeed;
  readonly baeCategory: BaeCategory;
  readonly outcome: TriageOutcome;
  readonly mentorId?: string;
  readonly workMode?: WorkMode;
  readonly reason?: string;
  readonly consent?: readonly CoverageAnswer[];
}

export interface SignMentoringAgreement extends ToTheCase {
  readonly type: 'SignMentoringAgreement';
  readonly signedOn: IsoDate;
  readonly signedByChild: boolean;
  readonly signedByMentor: boolean;
  readonly confidentialityExplained: boolean;
  readonly documentRef?: string;
}

export interface RecordAssessment extends ToTheCase {
  readonly type: 'RecordAssessment';
  readonly assessmentId: string;
  readonly assessedOn: IsoDate;
  readonly strengths: readonly string[];
  readonly needs: readonly string[];
  readonly needsStatement: string;
  readonly baseline: Measures & {
    readonly otherMeasures?: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  };
  readonly childView: string;
  readonly toolsUsed?: readonly string[];
  readonly consent: readonly CoverageAnswer[];
}

export interface SetTargets extends ToTheCase {
  readonly type: 'SetTargets';
  readonly setOn: IsoDate;
  readonly goals: readonly Goal[];
  readonly targets: readonly Target[];
}

export interface AgreeActionPlan extends ToTheCase {
  readonly type: 'AgreeActionPlan';
  readonly planId: string;
  readonly agreedOn: IsoDate;
  readonly strategies: readonly string[];
  readonly services: readonly string[];
  readonly interventionLength: InterventionLength;
  readonly plannedEndOn?: IsoDate;
  readonly reviewOn: IsoDate;
  readonly targetIds: readonly string[];
}

export interface RecordSession extends ToTheCase {
  readonly type: 'RecordSession';
  readonly sessionId: string;
  readonly heldOn: IsoDate;
  readonly kind: SessionKind;
  readonly attended: boolean;
  readonly durationMinutes?: number;
  readonly targetIds?: readonly string[];
  readonly notes: readonly SessionNote[];
}

export interface HoldReview extends ToTheCase {
  readonly type: 'HoldReview';
  readonly reviewId: string;
  readonly heldOn: IsoDate;
  readonly progress: readonly TargetReview[];
  readonly outcome: ReviewOutcome;
  readonly nextReviewOn?: IsoDate;
  readonly childView?: string;
}

export interface PlanEnding extends ToTheCase {
  readonly type: 'PlanEnding';
  readonly plannedOn: IsoDate;
  readonly sessionsRemaining: number;
  readonly endOn: IsoDate;
  readonly fading: readonly FadingStep[];
}

export interface CloseCase extends ToTheCase {
  readonly type: 'CloseCase';
  readonly closedOn: IsoDate;
  readonly reason: ClosureReason;
  readonly reasonDetail?: string;
  readonly exit: Measures;
  readonly evaluation?: string;
  readonly followUpDueOn?: IsoDate;
  readonly referredOnTo?: AgencyId;
}

export interface RecordFollowUp extends ToTheCase {
  readonly type: 'RecordFollowUp';
  readonly followUpId: string;
  readonly heldOn: IsoDate;
  readonly outcome: FollowUpOutcome;
  readonly measures?: Measures;
  readonly note?: string;
}

export type ReferralCommand =
  | MakeReferral
  | CompletePrimaryAssessmentProfile
  | TriageReferral
  | SignMentoringAgreement
  | RecordAssessment
  | SetTargets
  | AgreeActionPlan
  | RecordSession
  | HoldReview
  | PlanEnding
  | CloseCase
  | RecordFollowUp;
