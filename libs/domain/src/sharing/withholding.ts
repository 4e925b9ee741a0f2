import type { WithoutConsentGround } from './vocabulary';

/** Why an entry is left out of the family's copy of a subject-access report, as the dpo's copy shows it. */
export interface Withholding {
  readonly exemption: 'crime-and-taxation' | 'serious-harm' | 'awaiting-dpo-review';
  /** The exemption in words, with where it is found; the dpo checks it before relying on it. */
  readonly exemptionText: string;
  readonly reason: string;
}

const CRIME_GROUNDS: readonly WithoutConsentGround[] = [
  'prevent-crime-endangering-others',
  'police-serious-crime-investigation',
];

const EXEMPTIONS: Record<Exclude<Withholding['exemption'], 'awaiting-dpo-review'>, string> = {
  'crime-and-taxation':
    'Telling would be likely to prejudice the prevention or detection of crime (DPA 2018, Schedule 2, Part 1, paragraph 2)',
  'serious-harm':
    'Telling would be likely to cause serious harm to the child or another person (DPA 2018, Schedule 3: the serious harm test for social work, education and health data)',
};

interface Entry {
  readonly basis?: { readonly kind?: unknown; readonly ground?: unknown } | null;
  readonly familyTold?: { readonly informed?: unknown; readonly reason?: unknown } | null;
}

/**
 * 1d and the golden rules: the family is told what was shared unless telling would put the
 * child at risk, and that reason is recorded. An entry whose record says the family is not
 * told stays out of the family's copy; so does one shared without consent whose record does
 * not say the family may know, until the dpo decides. Everything else the family sees.
 */
export function withholding(entry: Entry): Withholding | undefined {
  const ground = entry.basis?.kind === 'without-consent' ? (entry.basis.ground as WithoutConsentGround) : undefined;
  const told = entry.familyTold?.informed;
  if (told === true || (told === undefined && ground === undefined)) return undefined;
  if (told === undefined) {
    return {
      exemption: 'awaiting-dpo-review',
      exemptionText: 'Shared without consent, and no record says the family may be told: the dpo decides',
      reason: 'Not recorded',
    };
  }
  const exemption = ground && CRIME_GROUNDS.includes(ground) ? 'crime-and-taxation' : 'serious-harm';
  return {
    exemption,
    exemptionText: EXEMPTIONS[exemption],
    reason: String(entry.familyTold?.reason ?? 'Not recorded'),
  };
}
