import type { ReferralCommand } from '@app/domain/referral/commands';

export interface ReferralStep {
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
  profile: { command: 'CompletePrimaryAssessmentProfile' },
  triage: { command: 'TriageReferral', dayField: 'triagedOn', needsConsent: true },
  'mentoring-agreement': { command: 'SignMentoringAgreement', dayField: 'signedOn' },
  assessment: { command: 'RecordAssessment', dayField: 'assessedOn', assigns: 'assessmentId', needsConsent: true },
  targets: { command: 'SetTargets', dayField: 'setOn' },
  'action-plan': { command: 'AgreeActionPlan', dayField: 'agreedOn', assigns: 'planId' },
  sessions: { command: 'RecordSession', dayField: 'heldOn', assigns: 'sessionId' },
  reviews: { command: 'HoldReview', dayField: 'heldOn', assigns: 'reviewId' },
  ending: { command: 'PlanEnding', dayField: 'plannedOn' },
  closure: { command: 'CloseCase', dayField: 'closedOn' },
  'follow-up': { command: 'RecordFollowUp', dayField: 'heldOn', assigns: 'followUpId' },
};
