import type { ErrorCatalogue } from '../shared/errors-catalogue';

/** The rules the child decider refuses a command by. */
export const childErrors = {
  'child.already-registered': { kind: 'conflict', message: 'Child … is already registered' },
  'child.date-of-birth-implausible': {
    kind: 'invalid',
    message: 'dateOfBirth (…) would make the child … today: the platform holds children and young people up to …',
  },
  'child.correction-changes-nothing': { kind: 'invalid', message: 'The correction changes no detail' },
  'child.not-registered': { kind: 'conflict', message: 'Child … is not registered' },
  'child.school-move-required': {
    kind: 'conflict',
    message:
      'A change of school is not a correction: a child changes school through a school move, which sends the child-protection file to the new school with a receipt. schoolId stays …',
  },
} as const satisfies ErrorCatalogue;
