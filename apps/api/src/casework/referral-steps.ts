import type { ReferralCommand } from '@app/domain/referral/commands';

export interface ReferralStep {
  readonly command: Exclude<ReferralCommand['type'], 'MakeReferral'>;
  /** The id the platform assigns to what the step creates (never taken from the body). */
  readonly assigns?: string;
  /** The step is gated on parental consent for mentoring (001). */
  readonly needsConsent?: boolean;
}

/** R.A.F.I.E., one URL segment per step: POST /referrals/:referralId/<step>. */
export const REFERRAL_STEPS: Readonly<Record<string, ReferralStep>> = {
  profile: { command: 'CompletePrimaryAssessmentProfile' },
  triage: { command: 'TriageReferral', needsConsent: true },
  'mentoring-agreement': { command: 'SignMentoringAgreement' },
  assessment: { command: 'RecordAssessment', assigns: 'assessmentId', needsConsent: true },
  targets: { command: 'SetTargets' },
  'action-plan': { command: 'AgreeActionPlan', assigns: 'planId' },
  sessions: { command: 'RecordSession', assigns: 'sessionId' },
  reviews: { command: 'HoldReview', assigns: 'reviewId' },
  ending: { command: 'PlanEnding' },
  closure: { command: 'CloseCase' },
  'follow-up': { command: 'RecordFollowUp', assigns: 'followUpId' },
};
