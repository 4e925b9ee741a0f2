import type { ErrorCatalogue } from '../shared/errors-catalogue';

/** The rules the subject-access decider refuses a command by. */
export const subjectAccessErrors = {
  'subject-access.already-answered': { kind: 'conflict', message: 'The request is answered and closed' },
  'subject-access.already-recorded': { kind: 'conflict', message: 'This request is already recorded' },
  'subject-access.channel': { kind: 'invalid', message: 'channel must be one of the disclosure channels' },
  'subject-access.dpo-only': {
    kind: 'forbidden',
    message: 'Subject-access requests are handled by the data protection officer',
  },
  'subject-access.educational-record-for-parents': {
    kind: 'invalid',
    message:
      "The educational record is a parent's right (reg. 5): requester.relationship is …; anyone else makes a personal-data request",
  },
  'subject-access.educational-record-not-extendable': {
    kind: 'conflict',
    message: 'The 15 school days for an educational record (reg. 5) cannot be extended',
  },
  'subject-access.extended-once': {
    kind: 'conflict',
    message: 'The request has been extended already: Art. 12(3) allows one extension of up to two months',
  },
  'subject-access.extension-months': {
    kind: 'invalid',
    message:
      'months is a whole number from 1 to …: a complex request may be extended by up to two further months (Art. 12(3))',
  },
  'subject-access.extension-reason-required': { kind: 'invalid', message: 'reason must be a non-empty text' },
  'subject-access.extension-within-first-month': {
    kind: 'conflict',
    message: 'The requester is told of an extension within the first month (by …); they were told on …',
  },
  'subject-access.identity-check': {
    kind: 'invalid',
    message: 'identityCheck.method must be one of the identity checks',
  },
  'subject-access.identity-details-required': {
    kind: 'invalid',
    message: 'identityCheck.details must be a non-empty text',
  },
  'subject-access.kind': { kind: 'invalid', message: 'kind must be one of the request kinds' },
  'subject-access.late-reason-required': {
    kind: 'invalid',
    message: 'Due by …; an answer on … records why it was late',
  },
  'subject-access.not-recorded': { kind: 'conflict', message: 'No such subject-access request' },
  'subject-access.received-on': { kind: 'invalid', message: 'receivedOn must be a date YYYY-MM-DD' },
  'subject-access.relationship': {
    kind: 'invalid',
    message: 'requester.relationship must be one of the relationships',
  },
  'subject-access.requester-name-required': { kind: 'invalid', message: 'requester.name must be a non-empty text' },
  'subject-access.told-on': { kind: 'invalid', message: 'requesterToldOn must be a date YYYY-MM-DD' },
  'subject-access.unknown-command': { kind: 'invalid', message: 'Unknown command' },
} as const satisfies ErrorCatalogue;
