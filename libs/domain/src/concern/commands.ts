import type { Actor, IsoDate, IsoInstant } from '../shared';
import type { DslOutcome, MentorReport, ReferralDetails, SocialCareDecision } from './events';

export interface RaiseConcern {
  readonly type: 'RaiseConcern';
  readonly concernId: string;
  readonly childId: string;
  readonly seenOrHeard: string;
  readonly by: Actor;
  readonly at: IsoInstant;
}
export interface ReviewConcern {
  readonly type: 'ReviewConcern';
  readonly outcome: DslOutcome;
  readonly reasons: string;
  readonly reviewedOn: IsoDate;
  /** Required when the outcome is a referral to children's social care. */
  readonly referral?: ReferralDetails;
  readonly by: Actor;
  readonly at: IsoInstant;
}
export interface RecordSocialCareDecision {
  readonly type: 'RecordSocialCareDecision';
  readonly decision: SocialCareDecision;
  readonly reasons: string;
  readonly decidedOn: IsoDate;
  readonly lateReason?: string;
  readonly by: Actor;
}
export interface RecordAssessmentCompleted {
  readonly type: 'RecordAssessmentCompleted';
  readonly completedOn: IsoDate;
  readonly outcome: string;
  readonly lateReason?: string;
  readonly by: Actor;
}
export interface RecordStrategyDiscussion {
  readonly type: 'RecordStrategyDiscussion';
  readonly heldOn: IsoDate;
  readonly outcome: string;
  readonly by: Actor;
}
export interface RecordConference {
  readonly type: 'RecordConference';
  readonly kind: 'initial' | 'review';
  readonly heldOn: IsoDate;
  readonly childProtectionPlan: boolean;
  readonly lateReason?: string;
  readonly by: Actor;
}
export interface RecordCoreGroup {
  readonly type: 'RecordCoreGroup';
  readonly heldOn: IsoDate;
  readonly lateReason?: string;
  readonly by: Actor;
}
export interface SubmitMentorReport {
  readonly type: 'SubmitMentorReport';
  readonly reportId: string;
  readonly forMeeting: 'conference' | 'core-group';
  readonly report: MentorReport;
  readonly submittedOn: IsoDate;
  readonly by: Actor;
}

export type ConcernCommand =
  | RaiseConcern
  | ReviewConcern
  | RecordSocialCareDecision
  | RecordAssessmentCompleted
  | RecordStrategyDiscussion
  | RecordConference
  | RecordCoreGroup
  | SubmitMentorReport;
