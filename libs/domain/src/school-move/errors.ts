import type { ErrorCatalogue } from '../shared/errors-catalogue';

/** The rules the school-move decider refuses a command by. */
export const schoolMoveErrors = {
  'school-move.already-recorded': { kind: 'conflict', message: 'This move is already recorded' },
  'school-move.file-already-received': { kind: 'conflict', message: 'Receipt was confirmed on …' },
  'school-move.file-already-sent': { kind: 'conflict', message: 'The child-protection file was sent on …' },
  'school-move.file-not-sent': { kind: 'conflict', message: 'The child-protection file has not been sent yet' },
  'school-move.late-reason-required': {
    kind: 'invalid',
    message: 'The … was due by …; a late … records why it was late',
  },
  'school-move.no-child-protection-file': {
    kind: 'conflict',
    message: '… held no child-protection file for this child when it was recorded',
  },
  'school-move.not-recorded': { kind: 'conflict', message: 'No such school move' },
  'school-move.reason-required': { kind: 'invalid', message: 'reason must be a non-empty text' },
  'school-move.received-on': { kind: 'invalid', message: 'receivedOn must be a date YYYY-MM-DD' },
  'school-move.role': { kind: 'forbidden', message: 'Only a … of … may …' },
  'school-move.same-school': { kind: 'invalid', message: 'The child is already at …: toSchoolId names the new school' },
  'school-move.sent-on': { kind: 'invalid', message: 'sentOn must be a date YYYY-MM-DD' },
  'school-move.starts-on': { kind: 'invalid', message: 'startsOn must be a date YYYY-MM-DD' },
  'school-move.to-school': { kind: 'invalid', message: 'toSchoolId is a school (school-…)' },
} as const satisfies ErrorCatalogue;
