import type { ConcernClock } from '@app/domain';

export const CLOCK_WORDS: Readonly<Record<ConcernClock, string>> = {
  'social-care-decision': "Social care's decision on the referral (1 working day)",
  assessment: 'Assessment completed (45 working days from the referral)',
  'initial-conference': 'Initial child protection conference (15 working days from the strategy discussion)',
  'core-group': 'First core group (10 working days from the conference)',
  'review-conference': 'Review conference',
};

/** A clock's state as a tag: due, late (overdue, not yet met), breached (met late, with its reason), met. */
export const CLOCK_STATES: Readonly<Record<string, { text: string; colour: string }>> = {
  due: { text: 'Due', colour: 'govuk-tag--blue' },
  overdue: { text: 'Late', colour: 'govuk-tag--red' },
  breached: { text: 'Breached', colour: 'govuk-tag--orange' },
  met: { text: 'Met', colour: 'govuk-tag--green' },
};

export const DSL_OUTCOME_WORDS: Readonly<Record<string, string>> = {
  'no-further-action': 'No further action',
  monitor: 'Monitor in school',
  'early-help': 'Early help',
  'refer-to-social-care': "Refer to children's social care",
};

export const STATUS_WORDS: Readonly<Record<string, string>> = {
  raised: 'Waiting for the DSL',
  ...DSL_OUTCOME_WORDS,
  referred: 'Referred to social care',
  'strategy-discussion': 'Strategy discussion',
  'child-in-need-assessment': 'Child in need assessment',
  'strategy-discussion-held': 'Strategy discussion held',
  'child-protection-plan': 'Child protection plan',
  closed: 'Closed',
};

export const URGENCY_WORDS: Readonly<Record<string, string>> = {
  immediate: 'Immediately',
  'within-one-working-day': 'Within one working day',
  standard: 'Standard',
};
