import { DISCLOSURE_CHANNELS } from '@app/domain';
import { IDENTITY_CHECKS, MAX_EXTENSION_MONTHS, REQUEST_KINDS, REQUESTER_RELATIONSHIPS } from '@app/domain';
import { channelLabel } from '../../sharing/report-words';
import type { FormField } from '../form-fields';

export const KIND_WORDS: Readonly<Record<string, string>> = {
  'personal-data': 'Personal data (UK GDPR Article 15): one calendar month',
  'educational-record':
    "A parent's request for the educational record (2005 Regulations, maintained school): 15 school days",
};

export const RELATIONSHIP_WORDS: Readonly<Record<string, string>> = {
  'the-child': 'The child or young person',
  parent: 'A parent',
  'carer-with-parental-responsibility': 'A carer with parental responsibility',
  'legal-representative': 'A legal representative',
  'other-with-written-authority': 'Someone else, with written authority',
};

export const IDENTITY_WORDS: Readonly<Record<string, string>> = {
  'photo-identity-seen': 'Photo identity seen',
  'known-to-the-school': 'Known to the school',
  'documents-checked': 'Documents checked',
  'written-authority-checked': 'Written authority checked',
};

/** A request's state on the queue, as a tag. */
export const STATUS_TAGS: Readonly<Record<string, { text: string; colour: string }>> = {
  due: { text: 'Due', colour: 'govuk-tag--blue' },
  overdue: { text: 'Overdue', colour: 'govuk-tag--red' },
  answered: { text: 'Answered', colour: 'govuk-tag--green' },
};

const options = (values: readonly string[], words: Readonly<Record<string, string>>) =>
  values.map((value) => ({ value, text: words[value] ?? value }));

/** The request as the dpo logs it; ids are the API's field names, so its 400 lands on the field. */
export const newRequestFields = (today: string): FormField[] => [
  { id: 'childId', label: "The child's id", hint: "From the child's record", kind: 'text' },
  { id: 'kind', label: 'What is asked for', kind: 'radios', options: options(REQUEST_KINDS, KIND_WORDS) },
  { id: 'requester.name', label: 'Who asks: their name', kind: 'text' },
  {
    id: 'requester.relationship',
    label: 'How they stand to the child',
    kind: 'radios',
    options: options(REQUESTER_RELATIONSHIPS, RELATIONSHIP_WORDS),
  },
  {
    id: 'identityCheck.method',
    label: 'How their identity was checked',
    kind: 'radios',
    options: options(IDENTITY_CHECKS, IDENTITY_WORDS),
  },
  {
    id: 'identityCheck.details',
    label: 'What was checked',
    hint: 'For example, the document seen and by whom',
    kind: 'textarea',
  },
  {
    id: 'receivedOn',
    label: 'Received on',
    hint: 'The day the request arrived or, if you had to ask for proof of identity, the day it came. Not later than today.',
    kind: 'date',
    value: today,
  },
];

export const EXTENSION_FIELDS: readonly FormField[] = [
  {
    id: 'months',
    label: 'Extend by',
    kind: 'radios',
    options: Array.from({ length: MAX_EXTENSION_MONTHS }, (_, i) => ({
      value: String(i + 1),
      text: `${i + 1} month${i ? 's' : ''}`,
    })),
  },
  { id: 'reason', label: 'Why the request is complex', kind: 'textarea' },
  {
    id: 'requesterToldOn',
    label: 'The requester was told on',
    hint: 'Within the first month, and not later than today.',
    kind: 'date',
  },
];

export const RESPONSE_FIELDS: readonly FormField[] = [
  {
    id: 'channel',
    label: 'How the response goes to the requester',
    kind: 'radios',
    options: DISCLOSURE_CHANNELS.map((c) => ({ value: c, text: channelLabel(c) })),
  },
  {
    id: 'lateReason',
    label: 'Why is the response late? (only if it is)',
    hint: 'A late response is recorded with its reason, as a breach of the time limit.',
    kind: 'textarea',
    optional: true,
  },
];
