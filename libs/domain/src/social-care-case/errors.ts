import type { ErrorCatalogue } from '../shared/errors-catalogue';

/** The rules the social-care-case decider refuses a command by. */
export const socialCareCaseErrors = {
  'social-care-case.child-mismatch': { kind: 'invalid', message: 'Case … is about another child' },
  'social-care-case.closed': { kind: 'conflict', message: 'Case … was closed on …' },
  'social-care-case.date-invalid': { kind: 'invalid', message: '… must be a date (YYYY-MM-DD)' },
  'social-care-case.no-active-plan': { kind: 'conflict', message: 'Case … has no child protection plan in place' },
  'social-care-case.plan-already-active': { kind: 'conflict', message: 'A plan has been in place since …' },
  'social-care-case.plan-ends-before-it-starts': { kind: 'invalid', message: 'The plan started on …' },
  'social-care-case.plan-still-active': { kind: 'conflict', message: 'End the plan in place since … before closing' },
} as const satisfies ErrorCatalogue;
