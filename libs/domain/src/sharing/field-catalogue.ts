import { CAF_ELEMENT_CATEGORIES, type CafElement } from '../caf/vocabulary';
import { DomainError, type InformationCategory } from '../shared';

/**
 * The platform's catalogue of what may be disclosed (DESIGN §6): every field of every record
 * kind belongs to exactly one category of information, so consent and a sharing decision are
 * checked against what a field is, never against what the caller calls it.
 */
const FIELD_CATEGORIES = {
  'child-record': {
    givenName: 'identity',
    familyName: 'identity',
    dateOfBirth: 'identity',
    upn: 'identity',
    // The year group names the pupil among the school's pupils: part of who the child is.
    yearGroup: 'identity',
    schoolId: 'education',
    // Looked-after, young carer, forces family, SEN: the child's circumstances, the most sensitive reading.
    flags: 'family-circumstances',
  },
  'mentor-case': {
    reasons: 'education',
    attendanceAtReferral: 'attendance',
    behaviourAtReferral: 'behaviour',
    // Exclusions are a sanction under the behaviour policy: behaviour, however a caller labels them.
    exclusionsAtReferral: 'behaviour',
    sessionsAttended: 'education',
    sessionsMissed: 'education',
    stage: 'education',
    mentorId: 'education',
  },
  'mast-request': {
    // The parents the request was made with, and what the family needs: its circumstances.
    parentsInvolved: 'family-circumstances',
    needs: 'family-circumstances',
    alreadyTried: 'education',
    levelOfNeed: 'family-circumstances',
    status: 'education',
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, InformationCategory>>>>;

/** A CAF contribution carries the category of its element (CAF_ELEMENT_CATEGORIES): all its fields do. */
const CAF_CONTRIBUTION_FIELDS = ['domain', 'element', 'text', 'recordedOn', 'contributorAgencyId'] as const;

export type DisclosableRecord = keyof typeof FIELD_CATEGORIES | 'caf-contribution';
export const DISCLOSABLE_RECORDS = [
  ...(Object.keys(FIELD_CATEGORIES) as Array<keyof typeof FIELD_CATEGORIES>),
  'caf-contribution',
] as const satisfies readonly DisclosableRecord[];

export const isDisclosableRecord = (value: unknown): value is DisclosableRecord =>
  (DISCLOSABLE_RECORDS as readonly unknown[]).includes(value);

/** The kind of a record reference `kind:id`. */
export const recordKindOf = (recordRef: string): string => recordRef.split(':')[0];

/** The fields a record kind offers. */
export const fieldsOf = (record: DisclosableRecord): readonly string[] =>
  record === 'caf-contribution' ? CAF_CONTRIBUTION_FIELDS : Object.keys(FIELD_CATEGORIES[record]);

/** Every category a record of a kind with fixed fields carries: what a whole request of that kind shares. */
export const categoriesOfRecord = (record: keyof typeof FIELD_CATEGORIES): InformationCategory[] => [
  ...new Set(Object.values(FIELD_CATEGORIES[record])),
];

/** Where an item's parts are in the request, so a refusal names the field. */
export interface ItemPlace {
  readonly at: string;
  readonly recordField: 'record' | 'recordRef';
}

/**
 * The category of each named field of one record, grouped by category in the order named,
 * or the refusal naming what is unknown. `element` is a CAF contribution's element: read by
 * the platform from the contribution for a disclosure, named by the decider for a decision.
 */
export function categoriesOfFields(
  record: unknown,
  fields: readonly string[],
  element: unknown,
  place: ItemPlace,
): Map<InformationCategory, string[]> | DomainError {
  if (!isDisclosableRecord(record)) {
    return new DomainError(
      'sharing.record-kind',
      `${place.at}.${place.recordField} names a ${String(record)}; the platform discloses ${DISCLOSABLE_RECORDS.join(', ')}`,
      'invalid',
      `${place.at}.${place.recordField}`,
    );
  }
  let categoryOf: (field: string) => InformationCategory | undefined;
  if (record === 'caf-contribution') {
    const category = CAF_ELEMENT_CATEGORIES[element as CafElement];
    if (typeof element !== 'string' || !category)
      return new DomainError(
        'sharing.caf-element',
        `${place.at}.element must name the CAF element whose contributions are shared`,
        'invalid',
        `${place.at}.element`,
      );
    categoryOf = (field) => ((CAF_CONTRIBUTION_FIELDS as readonly string[]).includes(field) ? category : undefined);
  } else {
    const catalogue: Readonly<Record<string, InformationCategory>> = FIELD_CATEGORIES[record];
    categoryOf = (field) => (Object.hasOwn(catalogue, field) ? catalogue[field] : undefined);
  }
  const byCategory = new Map<InformationCategory, string[]>();
  for (const [j, field] of fields.entries()) {
    const category = categoryOf(field);
    if (!category)
      return new DomainError(
        'sharing.field-unknown',
        `${field} is not a field of a ${record}; its fields are ${fieldsOf(record).join(', ')}`,
        'invalid',
        `${place.at}.fields[${j}]`,
      );
    byCategory.set(category, [...(byCategory.get(category) ?? []), field]);
  }
  return byCategory;
}
