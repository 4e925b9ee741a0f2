import type { ErrorCatalogue } from '../shared/errors-catalogue';

/** The rules the family decider refuses a command by. */
export const familyErrors = {
  'family.already-linked': { kind: 'conflict', message: '… is already linked to this child' },
  'family.already-unlinked': { kind: 'conflict', message: 'Link … ended on …' },
  'family.evidence-after-link': {
    kind: 'invalid',
    message: 'evidence.checkedOn (…) is after linkedOn (…): the relationship is checked before the account is linked',
  },
  'family.link-id-already-used': { kind: 'conflict', message: 'Link … is already recorded' },
  'family.link-unknown': { kind: 'conflict', message: 'No family link … is recorded for this child' },
  'family.young-person-already-linked': {
    kind: 'conflict',
    message: 'The child already has a young-person account linked; unlink it first',
  },
  'family.young-person-has-no-relationship': {
    kind: 'invalid',
    message: 'The young person is the child: relationship is for a parent or carer',
  },
} as const satisfies ErrorCatalogue;
