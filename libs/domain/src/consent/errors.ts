import type { ErrorCatalogue } from '../shared/errors-catalogue';

/** The rules the consent decider refuses a command by. */
export const consentErrors = {
  'consent.adult-decides-for-themselves': {
    kind: 'conflict',
    message: 'At … the young person decides for themselves; a parent cannot consent for them',
  },
  'consent.already-expired': { kind: 'conflict', message: 'Consent … expired on …' },
  'consent.already-withdrawn': { kind: 'conflict', message: 'Consent … was withdrawn at …' },
  'consent.assessment-id-already-used': { kind: 'conflict', message: 'Assessment … is already recorded' },
  'consent.born-after-decision': { kind: 'invalid', message: 'The child was not born on the day of this decision' },
  'consent.child-not-competent': {
    kind: 'conflict',
    message:
      'The child has not been assessed competent (Gillick / Fraser, Box 15) to decide about their own information',
  },
  'consent.competence-needs-every-criterion': {
    kind: 'invalid',
    message: 'Competent needs every … criterion met; not met: …',
  },
  'consent.expiry-after-start': { kind: 'invalid', message: 'A consent expires after it starts' },
  'consent.id-already-used': { kind: 'conflict', message: 'Consent … is already recorded' },
  'consent.must-be-informed': {
    kind: 'invalid',
    message: 'Consent is informed only if the person was told the … (Box 14)',
  },
  'consent.not-yet-expired': { kind: 'conflict', message: 'Consent … runs until …' },
  'consent.parent-cannot-withdraw-childs-own-consent': {
    kind: 'conflict',
    message: "A competent child's own consent is theirs to withdraw (Box 15)",
  },
  'consent.parent-decides-under-12': {
    kind: 'conflict',
    message:
      "At … a parent or carer decides; the child's wishes are recorded as a refusal or in the case notes (seed 003 §1d)",
  },
  'consent.refusal-cannot-be-withdrawn': {
    kind: 'conflict',
    message: 'A refusal is superseded by a later consent, not withdrawn',
  },
  'consent.scope-required': { kind: 'invalid', message: 'scope.… must list at least one item' },
  'consent.unknown': { kind: 'conflict', message: 'No consent … is recorded for this child' },
  'consent.unknown-criterion': { kind: 'invalid', message: 'criteria[…] must be one of … with met true or false' },
  'consent.verbal-evidence-needs-witness': { kind: 'invalid', message: 'Verbal consent records who heard it' },
  'consent.withdrawn-before-start': { kind: 'invalid', message: 'A consent cannot be withdrawn before it started' },
  'consent.written-evidence-needs-document': {
    kind: 'invalid',
    message: 'Written consent names the document that holds it',
  },
} as const satisfies ErrorCatalogue;
