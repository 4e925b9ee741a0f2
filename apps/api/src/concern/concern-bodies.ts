import { bodyShape, day, flag, list, oneOf, optional, record, text } from '../http/body-shape';

/** The bodies of a concern's steps: the concern's id, the actor and the time are the platform's. */
export class RaiseConcernBody extends bodyShape({ childId: text(100), seenOrHeard: text() }) {}

export class ConcernReviewBody extends bodyShape({
  outcome: text(50),
  reasons: text(),
  reviewedOn: day(),
  referral: optional(record('The referral to social care; its consent is read by the platform')),
}) {}

export class SocialCareDecisionBody extends bodyShape({
  decision: text(50),
  reasons: text(),
  decidedOn: day(),
  lateReason: optional(text()),
}) {}

export class AssessmentCompletedBody extends bodyShape({
  completedOn: day(),
  outcome: text(),
  lateReason: optional(text()),
}) {}

export class StrategyDiscussionBody extends bodyShape({ heldOn: day(), outcome: text() }) {}

export class ConferenceBody extends bodyShape({
  kind: oneOf(['initial', 'review']),
  heldOn: day(),
  childProtectionPlan: flag(),
  lateReason: optional(text()),
}) {}

export class CoreGroupBody extends bodyShape({ heldOn: day(), lateReason: optional(text()) }) {}

/** 003 §1c: the mentor's own account; sessions, reasons and areas of work come from the case. */
export class MentorReportBody extends bodyShape({
  referralId: text(100),
  forMeeting: oneOf(['conference', 'core-group']),
  submittedOn: day(),
  contactWithFamily: text(),
  workingRelationship: text(),
  progress: text(),
  concerns: text(),
  signposting: optional(list()),
}) {}
