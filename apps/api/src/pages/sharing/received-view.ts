import type { DisclosedContent } from '@app/domain';
import { fieldsOf, isDisclosableRecord, recordKindOf } from '@app/domain';
import { categoryLabel, fieldLabel } from '../../sharing/report-words';
import { RECORD_WORDS } from './sharing-words';

/** A value as the recipient reads it: lists joined, nothing printed as JSON. */
const shown = (value: unknown): string =>
  Array.isArray(value)
    ? value.length
      ? value.map(shown).join(', ')
      : 'None'
    : value === null || value === undefined || value === ''
      ? 'Not recorded'
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

/**
 * One item of information as its recipient sees it. The recipient's page and the sharer's
 * preview both render through this and `sharing/received-items.njk`, so the preview is
 * exactly what arrives.
 */
export function receivedView(item: Pick<DisclosedContent, 'recordRef' | 'category' | 'values'>) {
  const kind = recordKindOf(item.recordRef);
  // In the catalogue's order, whatever order the fields were picked or stored in.
  const order = isDisclosableRecord(kind) ? fieldsOf(kind) : [];
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return {
    heading: `${categoryLabel(item.category)}, from the ${(RECORD_WORDS[kind] ?? 'record').replace(/^The /, '').toLowerCase()}`,
    rows: Object.entries(item.values ?? {})
      .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
      .map(([field, value]) => ({ key: { text: fieldLabel(field) }, value: { text: shown(value) } })),
  };
}
