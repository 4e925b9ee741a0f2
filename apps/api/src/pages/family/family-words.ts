import type { FamilyConsent } from '../../family/family-view';

/**
 * The family's pages in everyday words (a reading age of 9 to 11): what each code of the
 * platform means to a parent or a young person. A term the law uses is said with what it means.
 */

const PURPOSES: Readonly<Record<string, string>> = {
  'learning-mentor-support': 'Help from a learning mentor at school',
  'mast-involvement':
    'Help from the Multi-Agency Support Team (workers from different services who meet to help children)',
  'common-assessment': 'A Common Assessment (CAF): a plan made with your family and the people who help you',
  'information-sharing': 'Telling the people named here so that they can help',
};

const CATEGORIES: Readonly<Record<string, string>> = {
  identity: 'Name, date of birth and school',
  education: 'School work and learning',
  attendance: 'Coming to school (attendance)',
  behaviour: 'Behaviour',
  health: 'Health',
  'family-circumstances': 'Home and family life',
  safeguarding: 'Keeping safe (safeguarding)',
  'special-educational-needs': 'Extra help with learning (special educational needs)',
};

const STATUS: Readonly<Record<FamilyConsent['status'], { text: string; colour: string; meaning: string }>> = {
  'in-force': { text: 'In use', colour: 'green', meaning: 'This agreement is being used now.' },
  'not-yet-started': { text: 'Not started yet', colour: 'blue', meaning: 'This agreement starts later.' },
  withdrawn: {
    text: 'Withdrawn',
    colour: 'grey',
    meaning: 'This agreement was stopped. Nothing more is shared because of it.',
  },
  expired: { text: 'Ended', colour: 'grey', meaning: 'This agreement has come to its end date.' },
  refused: { text: 'Said no', colour: 'red', meaning: 'The answer was no: nothing is shared because of it.' },
};

const said = (words: Readonly<Record<string, string>>, code: string) => words[code] ?? code.replace(/-/g, ' ');

/** A consent as the family's page shows it: what it is for, who it lets know what, and where it stands. */
export function consentInWords(consent: FamilyConsent, agencies: ReadonlyMap<string, string>) {
  return {
    ...consent,
    purposesInWords: consent.purposes.map((p) => said(PURPOSES, p)),
    recipientsInWords: consent.recipients.map((r) =>
      r === 'parent-carer' ? 'Parents and carers' : (agencies.get(r) ?? r),
    ),
    categoriesInWords: consent.categories.map((c) => said(CATEGORIES, c)),
    statusInWords: STATUS[consent.status],
    canWithdraw: consent.status === 'in-force' || consent.status === 'not-yet-started',
  };
}

/**
 * Why something was shared, in everyday words: the report's basis (ADR 010) begins "With
 * consent" or "Without consent, because ...", and the ground's own words follow.
 */
export function whyInWords(basis: string): string {
  if (basis.startsWith('With consent')) return 'Because permission was given (this is called consent).';
  if (basis.startsWith('Without consent, '))
    return `Without asking first, ${basis.slice('Without consent, '.length)}. The law allows this in a few cases, for example to keep a child safe.`;
  return basis;
}
