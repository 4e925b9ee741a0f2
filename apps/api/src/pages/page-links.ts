import type { Page } from '@app/projections';
import { cursorOf, type PageQuery } from '../http/paging';

/**
 * The GOV.UK pagination component's links for a list read a page at a time: the next page
 * while rows follow, and back to the first once past it (a page knows where it starts, not
 * where the one before did). Undefined when everything fits on one page.
 */
export function pageLinks(
  path: string,
  query: PageQuery,
  page: Page<unknown>,
): { next?: { href: string; labelText: string }; previous?: { href: string; labelText: string } } | undefined {
  const withLimit = (params: Record<string, string>) =>
    `${path}?${new URLSearchParams({ ...(query.limit ? { limit: String(query.limit) } : {}), ...params }).toString()}`.replace(
      /\?$/,
      '',
    );
  const next = page.next ? { href: withLimit({ cursor: cursorOf(page.next) }), labelText: 'More' } : undefined;
  const previous = query.cursor ? { href: withLimit({}), labelText: 'From the start' } : undefined;
  return next || previous ? { next, previous } : undefined;
}
