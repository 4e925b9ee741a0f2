/**
 * The words every agency on the platform shares (house vocabulary). Consent scopes,
 * sharing decisions and access policies all speak in these terms, so they live here.
 */
export const CONSENT_PURPOSES = [
  'learning-mentor-support',
  'mast-involvement',
  'common-assessment',
  'information-sharing',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const INFORMATION_CATEGORIES = [
  'identity',
  'education',
  'attendance',
  'behaviour',
  'health',
  'family-circumstances',
  'safeguarding',
  'special-educational-needs',
] as const;
export type InformationCategory = (typeof INFORMATION_CATEGORIES)[number];

export const NAMED_AGENCIES = [
  'mast',
  'social-care',
  'health',
  'education-welfare',
  'police',
  'youth-service',
] as const;
/** A school is `school-<slug>`, e.g. `school-oakfield`; the other agencies are named. */
export type AgencyId = `school-${string}` | (typeof NAMED_AGENCIES)[number];

export const isSchoolId = (value: unknown): value is `school-${string}` =>
  typeof value === 'string' && /^school-[a-z0-9]+(-[a-z0-9]+)*$/.test(value);

export const isAgencyId = (value: unknown): value is AgencyId =>
  isSchoolId(value) || (NAMED_AGENCIES as readonly unknown[]).includes(value);

export const isConsentPurpose = (value: unknown): value is ConsentPurpose =>
  (CONSENT_PURPOSES as readonly unknown[]).includes(value);

export const isInformationCategory = (value: unknown): value is InformationCategory =>
  (INFORMATION_CATEGORIES as readonly unknown[]).includes(value);
