import type { FormField } from '../form-fields';

export const RECORD_CLASS_WORDS: Readonly<Record<string, string>> = {
  'pupil-record': 'Pupil record',
  'child-protection-file': 'Child-protection file',
  'mentoring-case': 'Learning-mentor case',
  caf: 'CAF and its plan',
  'mast-request': 'MAST request',
  consent: 'Consent decisions',
  'sharing-decision': 'Sharing decisions and disclosures',
};

export const REVIEW_STATUS_WORDS: Readonly<Record<string, string>> = {
  due: 'Waiting for your review',
  kept: 'Kept',
  disposed: 'Disposed of',
  erased: 'Erased',
  retained: 'Retained',
};

export const DECISION_WORDS: Readonly<Record<string, string>> = {
  RetentionReviewDue: 'Listed for review',
  RecordDisposed: 'Disposed of',
  RetentionExtended: 'Kept',
  LegalHoldPlaced: 'Legal hold placed',
  LegalHoldLifted: 'Legal hold lifted',
  ErasureRequested: 'Erasure requested',
  ErasureDecided: 'Erasure decided',
  ErasureNoticeIssued: 'Agency told of the erasure',
  ChildRecordErased: 'Record erased: the data key deleted',
};

export const CLOCK_TAGS: Readonly<Record<string, { text: string; colour: string }>> = {
  due: { text: 'Due', colour: 'govuk-tag--blue' },
  overdue: { text: 'Overdue', colour: 'govuk-tag--red' },
};

/** The dpo's decisions on a review, as forms: ids are the API's field names. */
export const RETENTION_FORMS: Readonly<
  Record<string, { title: string; fields: readonly FormField[]; submitText: string }>
> = {
  disposal: { title: 'Dispose of the record', submitText: 'Dispose of the record', fields: [] },
  keep: {
    title: 'Keep the record',
    submitText: 'Keep the record',
    fields: [
      {
        id: 'keepUntil',
        label: 'Keep until',
        hint: 'The day it is listed for review again: later than today.',
        kind: 'date',
      },
      { id: 'reason', label: 'Why it is kept', kind: 'textarea' },
    ],
  },
  'legal-holds': {
    title: 'Place a legal hold',
    submitText: 'Place the hold',
    fields: [
      {
        id: 'reason',
        label: 'Why the record must be held',
        hint: 'For example, a claim or an inquiry: nothing is disposed of or erased until the hold is lifted.',
        kind: 'textarea',
      },
    ],
  },
};
