import type { DirectoryNames } from '../directory-names';
import type { FormField } from '../form-fields';

/** What a step's form offers to choose from: the directory's practitioners and agencies. */
export interface Choices {
  readonly practitioners: ReadonlyArray<{ readonly value: string; readonly text: string }>;
  readonly agencies: ReadonlyArray<{ readonly value: string; readonly text: string }>;
}

export interface CafStepForm {
  readonly title: string;
  readonly fields: (today: string, choices: Choices) => readonly FormField[];
}

export const choicesOf = (names: DirectoryNames, practitionerIds: readonly string[]): Choices => ({
  practitioners: practitionerIds.map((userId) => ({ value: userId, text: names.users[userId] ?? userId })),
  agencies: Object.entries(names.agencies).map(([value, text]) => ({ value, text })),
});

const day = (id: string, label: string, today: string): FormField => ({ id, label, kind: 'date', value: today });

/** The lead professional's steps of CAF_STEPS, keyed as the API's step names. */
export const CAF_STEP_FORMS: Readonly<Record<string, CafStepForm>> = {
  actions: {
    title: 'Agree an action in the integrated plan',
    fields: (today, choices) => [
      { id: 'action', label: 'What will be done', kind: 'textarea' },
      { id: 'ownerAgencyId', label: 'Agency responsible', kind: 'select', options: choices.agencies },
      { id: 'dueBy', label: 'Due by', kind: 'date' },
      day('agreedOn', 'Agreed on', today),
    ],
  },
  reviews: {
    title: 'Record a review',
    fields: (today) => [
      day('reviewedOn', 'Reviewed on', today),
      { id: 'summary', label: 'What the review found', kind: 'textarea' },
      { id: 'nextReviewOn', label: 'Next review (if there is one)', kind: 'date', optional: true },
    ],
  },
  'hand-over': {
    title: 'Hand over to another lead professional',
    fields: (today, choices) => [
      { id: 'to', label: 'New lead professional', kind: 'select', options: choices.practitioners },
      day('handedOverOn', 'Handed over on', today),
      {
        id: 'reason',
        label: 'Why it is handed over',
        kind: 'textarea',
        hint: "Stays in the practitioners' record: the family copy shows only who leads now.",
      },
    ],
  },
};
