import type { ErrorCatalogue } from '../shared/errors-catalogue';

/** The rules the referral decider refuses a command by. */
export const referralErrors = {
  'referral.agreement-already-signed': { kind: 'conflict', message: 'The mentoring agreement is already signed' },
  'referral.agreement-before-assessment': {
    kind: 'conflict',
    message: 'The mentoring agreement explaining confidentiality is signed before the assessment (001, 002)',
  },
  'referral.agreement-before-sessions': {
    kind: 'conflict',
    message: 'Sessions start once the mentoring agreement is signed (001)',
  },
  'referral.agreement-signed-by-both': { kind: 'invalid', message: 'The child signs the mentoring agreement (001)' },
  'referral.already-made': { kind: 'conflict', message: 'Referral … is already made' },
  'referral.already-triaged': { kind: 'conflict', message: 'The profile is completed before triage' },
  'referral.assessment-already-recorded': { kind: 'conflict', message: 'Assessment … is already recorded' },
  'referral.assessment-before-targets': {
    kind: 'conflict',
    message: 'Goals and targets follow the assessment (003 Box 1, step 3)',
  },
  'referral.case-closed': { kind: 'conflict', message: 'The case closed on …' },
  'referral.child-view-required': {
    kind: 'invalid',
    message: "The assessment records the child's own view (003 Box 1)",
  },
  'referral.confidentiality-must-be-explained': {
    kind: 'invalid',
    message: 'The limits of confidentiality are explained before the agreement is signed (002)',
  },
  'referral.date-before-referral': { kind: 'invalid', message: 'The assessment cannot precede the referral' },
  'referral.decision-needs-reason': { kind: 'invalid', message: 'A referral … records why' },
  'referral.ending-3-to-7-sessions-ahead': {
    kind: 'invalid',
    message: 'An ending is planned three to seven sessions ahead (003 §1a)',
  },
  'referral.ending-after-planning': { kind: 'invalid', message: 'The last session falls after the ending is planned' },
  'referral.ending-already-planned': { kind: 'conflict', message: 'The ending is already planned' },
  'referral.ending-follows-review': {
    kind: 'conflict',
    message: 'An ending is planned after a review decides to begin ending (003 §1a)',
  },
  'referral.ending-must-be-planned': {
    kind: 'conflict',
    message: 'A planned ending is prepared three to seven sessions ahead before the case closes (003 §1a)',
  },
  'referral.ending-sessions-not-held': {
    kind: 'conflict',
    message:
      'The ending announced … more sessions and … have been held; close sooner only with reasonDetail saying why',
  },
  'referral.follow-up-after-exit': { kind: 'invalid', message: 'The follow-up falls after the case closes' },
  'referral.follow-up-already-recorded': { kind: 'conflict', message: 'Follow-up … is already recorded' },
  'referral.follow-up-date-required': {
    kind: 'invalid',
    message: 'A planned ending sets when progress will be followed up (003 §1a)',
  },
  'referral.medium-intervention-up-to-12-weeks': {
    kind: 'invalid',
    message: 'A medium intervention lasts up to 12 weeks (002)',
  },
  'referral.new-plan-follows-review': {
    kind: 'conflict',
    message: 'A new action plan follows a review that decided to re-plan (003 Box 1)',
  },
  'referral.next-review-date-required': {
    kind: 'invalid',
    message: 'Continuing work sets the next review date (003 Box 28)',
  },
  'referral.not-made': { kind: 'conflict', message: 'No referral has been made for this case' },
  'referral.not-on-register': {
    kind: 'conflict',
    message: 'The referral awaits triage by the SENCo; the child is not on the Learning Mentor Pupil Register (001)',
  },
  'referral.other-agency-named': { kind: 'invalid', message: 'A referral from another agency names that agency' },
  'referral.parent-referrer-named': { kind: 'invalid', message: "A parent's referral records who made it" },
  'referral.parental-consent-required': {
    kind: 'conflict',
    message:
      'The step needs parental consent; the answer names the consent missing (details.missingConsent) and why (details.consentReason)',
  },
  'referral.plan-already-agreed': { kind: 'conflict', message: 'Plan … is already agreed' },
  'referral.plan-before-review': {
    kind: 'conflict',
    message: 'Progress is reviewed against an agreed action plan (003 Box 1, step 5)',
  },
  'referral.planned-end-after-agreement': {
    kind: 'invalid',
    message: 'The intervention ends after the plan is agreed',
  },
  'referral.planned-end-required': { kind: 'invalid', message: 'A … intervention states when it is planned to end' },
  'referral.profile-before-register': {
    kind: 'conflict',
    message: 'The Primary Assessment Profile is completed before the child goes on the register (001)',
  },
  'referral.review-after-agreement': { kind: 'invalid', message: 'The review date falls after the plan is agreed' },
  'referral.review-already-held': { kind: 'conflict', message: 'Review … is already recorded' },
  'referral.review-covers-every-target': { kind: 'invalid', message: 'The review reports progress on target …' },
  'referral.review-within-intervention': {
    kind: 'invalid',
    message: 'Progress is reviewed before the intervention is planned to end',
  },
  'referral.second-hand-needs-source': {
    kind: 'invalid',
    message: 'Second-hand information says who it came from (Box 7)',
  },
  'referral.session-already-recorded': { kind: 'conflict', message: 'Session … is already recorded' },
  'referral.short-intervention-up-to-6-weeks': {
    kind: 'invalid',
    message: 'A short intervention lasts up to 6 weeks (002)',
  },
  'referral.target-id-already-used': { kind: 'invalid', message: 'Target … is already set' },
  'referral.target-must-be-smart': { kind: 'invalid', message: 'A SMART target says how progress is measured' },
  'referral.target-serves-a-goal': {
    kind: 'invalid',
    message: 'A target is a step towards a goal set with the child (003 §1a)',
  },
  'referral.targets-before-plan': {
    kind: 'conflict',
    message: 'The action plan is drawn up from goals and targets (003 Box 1, step 4)',
  },
  'referral.unknown-target': { kind: 'invalid', message: 'No target … is set for this case' },
} as const satisfies ErrorCatalogue;
