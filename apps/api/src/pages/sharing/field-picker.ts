import type { InformationCategory } from '@app/domain';
import { categoriesOfFields, type DisclosableRecord, fieldsOf } from '@app/domain';
import { isDomainError } from '@app/domain';
import { categoryLabel, fieldLabel } from '../../sharing/report-words';

/** The record kinds whose fields a page can pick one by one (a CAF's contributions are shared by element, from the CAF). */
export const PICKABLE_RECORDS = [
  'child-record',
  'mentor-case',
  'mast-request',
] as const satisfies readonly DisclosableRecord[];

export interface FieldChoice {
  readonly field: string;
  readonly label: string;
  readonly category: InformationCategory;
  readonly categoryLabel: string;
}

/**
 * The fields of a kind of record the catalogue places in an allowed category, and only
 * those: a field picker never offers what the decision, or the consent, does not allow.
 */
export function fieldsAllowed(
  record: (typeof PICKABLE_RECORDS)[number],
  allowed: (field: string, category: InformationCategory) => boolean,
): FieldChoice[] {
  const byCategory = categoriesOfFields(record, fieldsOf(record), undefined, { at: 'items[0]', recordField: 'record' });
  if (isDomainError(byCategory)) return [];
  return [...byCategory].flatMap(([category, fields]) =>
    fields
      .filter((field) => allowed(field, category))
      .map((field) => ({ field, label: fieldLabel(field), category, categoryLabel: categoryLabel(category) })),
  );
}
