import type { ReferralCommand } from '@app/domain';
import type { WithBody } from '../http/steps';
import * as bodies from './referral-bodies';

export interface ReferralStep extends WithBody {
  readonly command: Exclude<ReferralCommand['type'], 'MakeReferral'>;
  /** The id the platform assigns to what the step creates (never taken from the body). */
  readonly assigns?: string;
  /** The step is gated on parental consent for mentoring (001). */
  readonly needsConsent?: boolean;
  /** The day the body says the step happened: not later than today. */
  readonly dayField?: string;
}

/** R.A.F.I.E., one URL segment per step: POST /referrals/:referralId/<step>. */
export const REFERRAL_STEPS: Readonly<Record<string, ReferralStep>> = {
  profile: { command: 'CompletePrimaryAssessmentProfile', body: bodies.ProfileBody },
  triage: { command: 'TriageReferral', body: bodies.TriageBody, dayField: 'triagedOn', needsConsent: true },
  'mentoring-agreement': {
    command: 'SignMentoringAgreement',
    body: bodies.MentoringAgreementBody,
    dayField: 'signedOn',
  },
  assessment: {
    command: 'RecordAssessment',
    body: bodies.AssessmentBody,
    dayField: 'assessedOn',
    assigns: 'assessmentId',
    needsConsent: true,
  },
  targets: { command: 'SetTargets', body: bodies.TargetsBody, dayField: 'setOn' },
  'action-plan': { command: 'AgreeActionPlan', body: bodies.ActionPlanBody, dayField: 'agreedOn', assigns: 'planId' },
  sessions: { command: 'RecordSession', body: bodies.SessionBody, dayField: 'heldOn', assigns: 'sessionId' },
  reviews: { command: 'HoldReview', body: bodies.ReferralReviewBody, dayField: 'heldOn', assigns: 'reviewId' },
  ending: { command: 'PlanEnding', body: bodies.EndingBody, dayField: 'plannedOn' },
  closure: { command: 'CloseCase', body: bodies.ReferralClosureBody, dayField: 'closedOn' },
  'follow-up': { command: 'RecordFollowUp', body: bodies.FollowUpBody, dayField: 'heldOn', assigns: 'followUpId' },
};
