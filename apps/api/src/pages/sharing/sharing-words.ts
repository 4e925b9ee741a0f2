import type { ChecklistItem, WithoutConsentGround } from '@app/domain';

/** Box 13, as the person deciding reads it. */
export const GROUND_WORDS: Readonly<Record<WithoutConsentGround, string>> = {
  'prevent-crime-endangering-others': 'To prevent a crime that puts others in danger',
  'risk-of-significant-harm': 'The child or others are at risk of significant harm',
  'urgent-medical-treatment': 'For urgent medical treatment',
  'court-order-or-legal-proceedings': 'A court order or legal proceedings require it',
  'police-serious-crime-investigation': 'A police investigation of a serious crime',
  'statutory-function': 'To carry out a duty in law (a statutory function)',
};

/** Box 16 and the seven golden rules (DfE 2024), as questions the person deciding answers. */
export const CHECKLIST_WORDS: Readonly<Record<ChecklistItem, string>> = {
  'best-interests-of-child-or-family': 'Is sharing in the best interests of the child or family?',
  'informed-consent-obtained': 'Has informed consent been obtained (or is there a reason not to seek it)?',
  'within-legal-boundaries': 'Is sharing within the legal boundaries?',
  'within-local-procedures': 'Is sharing within local procedures?',
  'adequate-to-meet-needs': 'Is what is shared adequate for the need, and no more?',
  'up-to-date-and-accurate': 'Is it up to date and accurate?',
  'based-on-evidence': 'Is it based on evidence, with fact and opinion told apart?',
  'shared-securely': 'Will it be shared securely?',
  'how-whom-why-recorded': 'Are how, with whom and why recorded?',
  'checked-who-must-not-receive': 'Have you checked who must not receive it?',
  'protecting-the-child-comes-first': 'Protecting the child from harm comes first',
  'tell-child-and-family-unless-unsafe': 'The child and family are told, unless that would be unsafe',
  'consent-not-needed-where-risk-of-harm': 'Consent is not needed where there is a risk of harm',
  'advice-sought-when-unsure': 'Advice was sought where unsure',
  'identities-of-those-at-risk-protected': 'The identities of those at risk are protected',
  'only-relevant-and-necessary': 'Only what is relevant and necessary is shared',
  'decision-and-reasons-recorded': 'The decision and its reasons are recorded',
};

export const OUTCOME_WORDS: Readonly<Record<string, string>> = {
  share: 'Share',
  'share-in-part': 'Share in part',
  refuse: 'Refuse to share',
};

export const RECORD_WORDS: Readonly<Record<string, string>> = {
  'child-record': "The child's record",
  'mentor-case': 'Learning-mentor case',
  'mast-request': 'MAST request',
  'caf-contribution': 'CAF contribution',
};
