/**
 * The words of lawful sharing (003 §1d, Boxes 13 and 16; DfE advice 2024). They are
 * recorded on every decision, so the audit can say on what basis anything went anywhere.
 */

/** Box 13: the grounds on which information may be shared without consent. */
export const WITHOUT_CONSENT_GROUNDS = [
  'prevent-crime-endangering-others',
  'risk-of-significant-harm',
  'urgent-medical-treatment',
  'court-order-or-legal-proceedings',
  'police-serious-crime-investigation',
  'statutory-function',
] as const;
export type WithoutConsentGround = (typeof WITHOUT_CONSENT_GROUNDS)[number];

/** Box 16: the checklist every decision answers, whether or not it shares. */
export const BOX_16_CHECKLIST = [
  'best-interests-of-child-or-family',
  'informed-consent-obtained',
  'within-legal-boundaries',
  'within-local-procedures',
  'adequate-to-meet-needs',
  'up-to-date-and-accurate',
  'based-on-evidence',
  'shared-securely',
  'how-whom-why-recorded',
  'checked-who-must-not-receive',
] as const;

/** The seven golden rules of the DfE's 2024 advice for practitioners (DESIGN §3). */
export const GOLDEN_RULES = [
  'protecting-the-child-comes-first',
  'tell-child-and-family-unless-unsafe',
  'consent-not-needed-where-risk-of-harm',
  'advice-sought-when-unsure',
  'identities-of-those-at-risk-protected',
  'only-relevant-and-necessary',
  'decision-and-reasons-recorded',
] as const;

export type ChecklistItem = (typeof BOX_16_CHECKLIST)[number] | (typeof GOLDEN_RULES)[number];
export const CHECKLIST_ANSWERS = ['yes', 'no', 'not-applicable'] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];

export const DISCLOSURE_CHANNELS = ['platform', 'secure-email', 'phone', 'meeting', 'letter'] as const;
export type DisclosureChannel = (typeof DISCLOSURE_CHANNELS)[number];

/** A DSL or, failing one, the head teacher: the senior colleague who approves sharing without consent (1d). */
export const APPROVER_ROLES = ['dsl', 'head-teacher'] as const;

export const SHARING_OUTCOMES = ['share', 'share-in-part', 'refuse'] as const;
export type SharingOutcome = (typeof SHARING_OUTCOMES)[number];
