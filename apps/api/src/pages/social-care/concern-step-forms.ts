import { SOCIAL_CARE_DECISIONS, type ConcernClock } from '@app/domain';
import { type FormField, optionsOf } from '../form-fields';

/** A social worker's act on a referral, as a form: the API step it posts and the clock it may meet. */
export interface ConcernStepForm {
  readonly title: string;
  /** The Working Together clock the act meets, whose due day the form shows. */
  readonly meets?: readonly ConcernClock[];
  readonly fields: (today: string) => readonly FormField[];
}

const lateReason: FormField = {
  id: 'lateReason',
  label: 'Why is this late? (only if it is)',
  hint: 'A late act is recorded with its reason as a breach of the Working Together timescale.',
  kind: 'textarea',
  optional: true,
};
const day = (id: string, label: string, today: string): FormField => ({
  id,
  label,
  kind: 'date',
  value: today,
  hint: 'The day it happened, not later than today.',
});

/** The steps of CONCERN_STEPS a social worker takes, keyed as the API's step names. */
export const CONCERN_STEP_FORMS: Readonly<Record<string, ConcernStepForm>> = {
  'social-care-decision': {
    title: 'Record the decision on the referral',
    meets: ['social-care-decision'],
    fields: (today) => [
      { id: 'decision', label: 'Decision', kind: 'radios', options: optionsOf(SOCIAL_CARE_DECISIONS) },
      { id: 'reasons', label: 'Reasons for the decision', kind: 'textarea' },
      day('decidedOn', 'Decided on', today),
      lateReason,
    ],
  },
  assessments: {
    title: 'Record the completed assessment',
    meets: ['assessment'],
    fields: (today) => [
      day('completedOn', 'Completed on', today),
      { id: 'outcome', label: 'Outcome of the assessment', kind: 'textarea' },
      lateReason,
    ],
  },
  'strategy-discussion': {
    title: 'Record the strategy discussion',
    fields: (today) => [
      day('heldOn', 'Held on', today),
      { id: 'outcome', label: 'Outcome of the discussion', kind: 'textarea' },
    ],
  },
  conferences: {
    title: 'Record a child protection conference',
    meets: ['initial-conference', 'review-conference'],
    fields: (today) => [
      {
        id: 'kind',
        label: 'Conference',
        kind: 'radios',
        options: [
          { value: 'initial', text: 'Initial conference' },
          { value: 'review', text: 'Review conference' },
        ],
      },
      day('heldOn', 'Held on', today),
      {
        id: 'childProtectionPlan',
        label: 'Child protection plan',
        kind: 'checkbox',
        checkboxText: 'The child is (still) subject to a child protection plan',
      },
      lateReason,
    ],
  },
  'core-groups': {
    title: 'Record a core group meeting',
    meets: ['core-group'],
    fields: (today) => [day('heldOn', 'Held on', today), lateReason],
  },
};
