import { WITHOUT_CONSENT_GROUNDS } from '@app/domain';

/** The words a report uses for the platform's codes: what a family and a dpo read, not field names. */

const LONDON = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const CALENDAR_DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "9 March 2014": an instant on the day it was in England, a calendar day as it is. */
export const ukDate = (value: Date | string): string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? CALENDAR_DAY.format(new Date(`${value}T00:00:00Z`))
    : LONDON.format(new Date(value));

const FIELD_LABELS: Readonly<Record<string, string>> = {
  givenName: 'Given name',
  familyName: 'Family name',
  dateOfBirth: 'Date of birth',
  upn: 'Unique pupil number',
  schoolId: 'School',
  yearGroup: 'Year group',
  flags: 'Circumstances (looked after, young carer, forces family, SEN)',
  summary: 'Summary',
  urgency: 'How urgent',
  levelOfNeed: 'Level of need',
  consentId: 'Which consent',
  withdrawnAt: 'When consent was withdrawn',
  withdrawnBy: 'Who withdrew consent',
  requestedBy: 'Who asked',
  categories: 'Kinds of information',
};

/** `yearGroup` -> "Year group"; a dotted message field is named by its last part. */
export function fieldLabel(field: string): string {
  const name = field.split('.').at(-1) ?? field;
  if (FIELD_LABELS[name]) return FIELD_LABELS[name];
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/-/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `family-circumstances` -> "Family circumstances". */
export const categoryLabel = (category: string): string => fieldLabel(category);

const GROUNDS: Readonly<Record<(typeof WITHOUT_CONSENT_GROUNDS)[number], string>> = {
  'prevent-crime-endangering-others': 'to prevent a crime that puts others in danger',
  'risk-of-significant-harm': 'because of a risk of significant harm to the child or others',
  'urgent-medical-treatment': 'for urgent medical treatment',
  'court-order-or-legal-proceedings': 'because of a court order or legal proceedings',
  'police-serious-crime-investigation': 'for a police investigation of a serious crime',
  'statutory-function': 'to carry out a duty in law (a statutory function)',
};

/** The lawful basis in words, as the ledger records it (ADR 010). */
export function basisInWords(
  basis:
    | { kind?: string; ground?: string; consentIds?: string[]; under?: string; disclosureId?: string; law?: string }
    | null
    | undefined,
): string {
  switch (basis?.kind) {
    case 'consent':
      return basis.under
        ? `With consent (given for ${basis.under})`
        : `With consent${basis.consentIds?.length ? ` (consent ${basis.consentIds.join(', ')})` : ''}`;
    case 'without-consent':
      return `Without consent, ${GROUNDS[basis.ground as keyof typeof GROUNDS] ?? basis.ground}`;
    case 'correction-of':
      return `A correction of what was shared earlier (${basis.disclosureId})`;
    default:
      // A basis that names its law (a response to a subject-access request) is read as that law.
      return basis?.law ?? 'Not recorded';
  }
}

const CHANNELS: Readonly<Record<string, string>> = {
  platform: 'Through this platform',
  kafka: "By secure message to the agency's own system",
  'secure-email': 'By secure email',
  phone: 'By telephone',
  meeting: 'At a meeting',
  letter: 'By letter',
};
export const channelLabel = (channel: string): string => CHANNELS[channel] ?? fieldLabel(channel);
