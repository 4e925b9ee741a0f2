import type { IsoDate } from '../shared';
import type { ReviewOutcome, WorkMode } from './vocabulary';

export type ReferralStage =
  'not-made' | 'awaiting-triage' | 'declined' | 'redirected-to-mast' | 'on-register' | 'closed';

/** Only what the rules need: the case's stage and the facts later steps depend on. */
export interface ReferralState {
  readonly stage: ReferralStage;
  readonly childId?: string;
  readonly schoolId?: `school-${string}`;
  readonly referredOn?: IsoDate;
  /** Days of the acts later steps follow: none may be dated before the act it follows. */
  readonly triagedOn?: IsoDate;
  readonly agreementSignedOn?: IsoDate;
  readonly planAgreedOn?: IsoDate;
  readonly lastReviewOn?: IsoDate;
  readonly profileComplete: boolean;
  readonly mentorId?: string;
  readonly workMode?: WorkMode;
  readonly agreementSigned: boolean;
  readonly assessed: boolean;
  readonly assessmentIds: readonly string[];
  readonly goalIds: readonly string[];
  readonly targetIds: readonly string[];
  readonly planIds: readonly string[];
  /** Targets of the plan in force: a review reports on each. */
  readonly planTargetIds: readonly string[];
  readonly lastReviewOutcome?: ReviewOutcome;
  readonly reviewIds: readonly string[];
  readonly sessionIds: readonly string[];
  /** The planned ending in preparation, if any: the sessions it announced, and those held since. */
  readonly ending?: { readonly plannedOn: IsoDate; readonly sessionsRemaining: number; readonly sessionsHeld: number };
  readonly closedOn?: IsoDate;
  readonly followUpIds: readonly string[];
}

export const notMade: ReferralState = {
  stage: 'not-made',
  profileComplete: false,
  agreementSigned: false,
  assessed: false,
  assessmentIds: [],
  goalIds: [],
  targetIds: [],
  planIds: [],
  planTargetIds: [],
  reviewIds: [],
  sessionIds: [],
  followUpIds: [],
};
