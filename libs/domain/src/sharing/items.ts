import { DomainError, type InformationCategory, isDomainError, invalid } from '../shared';
import type { DecisionItem, DisclosureItem } from './commands';
import type { DisclosedItem, SharedItem } from './events';
import { type ItemPlace, categoriesOfFields, recordKindOf } from './field-catalogue';

type RecordValues = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/**
 * Items with the catalogue's category on every field. What is wrong with the request alone
 * (a category the caller sent that contradicts the catalogue, a record named twice) is kept
 * for after the scope and consent checks: an attempt beyond them is a 403 in the access log
 * whatever the caller called the fields.
 */
export interface Catalogued<T> {
  readonly items: T[];
  readonly misnamed?: DomainError;
}

function invalidShape(items: unknown, recordField: ItemPlace['recordField']): DomainError | undefined {
  if (!Array.isArray(items) || items.length === 0)
    return invalid('sharing.items', 'items', `items must list { ${recordField}, fields }`);
  for (const [i, item] of items.entries()) {
    if (typeof item?.[recordField] !== 'string' || item[recordField] === '')
      return invalid('sharing.items', `items[${i}].${recordField}`, `items[${i}].${recordField} is required`);
    if (
      !Array.isArray(item.fields) ||
      item.fields.length === 0 ||
      item.fields.some((f: unknown) => typeof f !== 'string' || f === '')
    ) {
      return invalid('sharing.items', `items[${i}].fields`, `items[${i}].fields must name at least one field`);
    }
  }
  return undefined;
}

/** A category sent with an item must be the catalogue's for every field of it. */
function mislabelled(
  label: unknown,
  byCategory: ReadonlyMap<InformationCategory, string[]>,
  i: number,
): DomainError | undefined {
  if (label === undefined) return undefined;
  for (const [category, fields] of byCategory) {
    if (category !== label) {
      return invalid(
        'sharing.category-mislabelled',
        `items[${i}].category`,
        `items[${i}]: ${fields[0]} is ${category} in the platform's catalogue, not ${String(label)}; leave category out`,
      );
    }
  }
  return undefined;
}

/** A decision's items: one per kind of record and category, in the order named. */
export function decisionItems(items: unknown): Catalogued<SharedItem> | DomainError {
  const shape = invalidShape(items, 'record');
  if (shape) return shape;
  const decided: SharedItem[] = [];
  let misnamed: DomainError | undefined;
  for (const [i, item] of (items as DecisionItem[]).entries()) {
    const byCategory = categoriesOfFields(item.record, item.fields, item.element, {
      at: `items[${i}]`,
      recordField: 'record',
    });
    if (isDomainError(byCategory)) return byCategory;
    misnamed ??= mislabelled(item.category, byCategory, i);
    for (const [category, fields] of byCategory) decided.push({ record: item.record, category, fields });
  }
  return { items: decided, misnamed };
}

/**
 * A disclosure's items, from the records the platform read (a CAF contribution's element
 * among them). Each record goes once, all of one category, as the recipient's copy holds it.
 */
export function disclosureItems(items: unknown, values: RecordValues): Catalogued<DisclosedItem> | DomainError {
  const shape = invalidShape(items, 'recordRef');
  if (shape) return shape;
  const disclosed: DisclosedItem[] = [];
  let misnamed: DomainError | undefined;
  const named = new Set<string>();
  for (const [i, item] of (items as DisclosureItem[]).entries()) {
    const record = values[item.recordRef];
    const kind = recordKindOf(item.recordRef);
    const byCategory = categoriesOfFields(kind, item.fields, record?.element, {
      at: `items[${i}]`,
      recordField: 'recordRef',
    });
    if (isDomainError(byCategory) && byCategory.rule === 'sharing.record-kind') return byCategory;
    if (!record)
      return invalid(
        'sharing.record-unknown',
        `items[${i}].recordRef`,
        `${item.recordRef} is not a record the platform holds for this child`,
      );
    if (isDomainError(byCategory)) return byCategory;
    misnamed ??= mislabelled(item.category, byCategory, i);
    if (named.has(item.recordRef))
      misnamed ??= invalid(
        'sharing.record-named-twice',
        `items[${i}].recordRef`,
        `items[${i}]: ${item.recordRef} is named twice; name each record once`,
      );
    if (byCategory.size > 1) {
      misnamed ??= invalid(
        'sharing.one-category-per-record',
        `items[${i}].fields`,
        `items[${i}]: ${item.recordRef} mixes ${[...byCategory.keys()].join(' and ')}; disclose each category of a record on its own`,
      );
    }
    named.add(item.recordRef);
    for (const [category, fields] of byCategory) disclosed.push({ recordRef: item.recordRef, category, fields });
  }
  return { items: disclosed, misnamed };
}

/** Every disclosed field lies inside the decision: the same kind of record and category, a field the decision named. */
export function beyondDecision(
  decided: readonly SharedItem[],
  items: readonly DisclosedItem[],
): { readonly item: DisclosedItem; readonly field: string } | undefined {
  for (const item of items) {
    const kind = recordKindOf(item.recordRef);
    const covering = decided.filter((d) => (d.record === null || d.record === kind) && d.category === item.category);
    const field = item.fields.find((f) => !covering.some((d) => d.fields.includes(f)));
    if (field) return { item, field };
  }
  return undefined;
}

/**
 * The categories a step asks consent for, as the catalogue gives them: for the platform to ask
 * before deciding. What the catalogue cannot place is left to the decider to refuse.
 */
export function categoriesToAsk(
  step: 'decision' | 'disclosure',
  items: unknown,
  values: RecordValues = {},
): InformationCategory[] {
  const catalogued = step === 'decision' ? decisionItems(items) : disclosureItems(items, values);
  return isDomainError(catalogued) ? [] : [...new Set(catalogued.items.map((i) => i.category))];
}
