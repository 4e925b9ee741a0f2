import type { ErrorCatalogue } from '../shared/errors-catalogue';

/** The rules the retention decider refuses a command by. */
export const retentionErrors = {
  'erasure.already-decided': { kind: 'conflict', message: 'Erasure request … has already been decided' },
  'erasure.exemption-required': {
    kind: 'invalid',
    message: 'A refused erasure names the Art. 17(3) exemption that requires the record to be kept',
  },
  'erasure.exemption-with-approval': {
    kind: 'invalid',
    message: 'An exemption means the record is kept: refuse the request instead',
  },
  'erasure.ground-required': { kind: 'invalid', message: 'An approved erasure names its Art. 17(1) ground' },
  'erasure.legal-hold': { kind: 'conflict', message: 'A legal hold stops erasure until it is lifted' },
  'erasure.request-unknown': { kind: 'invalid', message: 'No erasure request … for child …' },
  'retention.already-erased': { kind: 'conflict', message: 'The record of child … has already been erased' },
  'retention.hold-already-lifted': { kind: 'conflict', message: 'Legal hold … was already lifted' },
  'retention.hold-unknown': { kind: 'invalid', message: 'No legal hold … on the record of child …' },
  'retention.keep-until-not-later': { kind: 'invalid', message: 'keepUntil (…) must be later than today' },
  'retention.legal-hold': { kind: 'conflict', message: 'A legal hold stops disposal until it is lifted' },
  'retention.not-due': {
    kind: 'conflict',
    message: 'The record of child … is not listed for review: its retention period has not ended',
  },
  'retention.nothing-to-review': { kind: 'invalid', message: 'Child … has no record to review' },
  'retention.period-running': { kind: 'invalid', message: '… is kept until …' },
} as const satisfies ErrorCatalogue;
