import type { EntityManager } from 'typeorm';

/** A sort key's SQL type: what the cursor's value is cast to, and checked against before it reaches the database. */
export type KeyType = 'int' | 'date' | 'text';

/** Where a page starts: after the row with these sort-key values (as the previous page's last row had them). */
export type PageKey = readonly string[];

export interface PageRequest {
  readonly limit: number;
  readonly after?: PageKey;
  /** Children the reader may not see (restricted records): left out of the rows and of the total, which would otherwise say they exist. */
  readonly withoutChildren?: readonly string[];
}

export interface Page<T> {
  readonly rows: T[];
  /** Rows of the whole list, on every page. */
  readonly total: number;
  /** The last row's key when more rows follow. */
  readonly next?: PageKey;
}

/**
 * A list read in pages by its sort key (keyset paging): a page starts after the last row of
 * the previous one, so rows written meanwhile neither repeat nor push others off, and a page
 * costs the same at the end as at the start (an index on the key, after the list's own
 * filter, reads `limit` rows, not the whole list). The key must be unique and never null
 * (end it with the row's id).
 */
export interface KeysetList {
  /** SELECT list of the rows. */
  readonly columns: string;
  /** FROM and joins. */
  readonly from: string;
  /** The list's filter, on $1…$n of `params`. */
  readonly where: string;
  readonly key: ReadonlyArray<{ readonly sql: string; readonly type: KeyType }>;
  /** The column naming each row's child. */
  readonly child: string;
}

const VALID: Record<KeyType, (value: string) => boolean> = {
  int: (v) => /^-?\d{1,15}$/.test(v),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  text: () => true,
};

/** Whether a key (from a client's cursor) fits the list: right length, each value of its type. */
export const keyFits = (list: KeysetList, key: PageKey): boolean =>
  key.length === list.key.length && key.every((value, i) => VALID[list.key[i].type](value));

export async function readPage<T>(
  manager: EntityManager,
  list: KeysetList,
  listParams: readonly unknown[],
  page: PageRequest,
): Promise<Page<T>> {
  const hidden = page.withoutChildren ?? [];
  const params = hidden.length ? [...listParams, hidden] : listParams;
  const where = hidden.length ? `${list.where} AND NOT (${list.child} = ANY($${params.length}::text[]))` : list.where;
  const order = list.key.map((k) => k.sql).join(', ');
  const after = page.after
    ? ` AND (${order}) > (${list.key.map((k, i) => `$${params.length + i + 1}::${k.type}`).join(', ')})`
    : '';
  const limitAt = params.length + (page.after?.length ?? 0) + 1;
  const rows: Array<T & { pageKey: string[] }> = await manager.query(
    `SELECT ${list.columns}, ARRAY[${list.key.map((k) => `(${k.sql})::text`).join(', ')}] AS "pageKey"
       FROM ${list.from} WHERE ${where}${after}
      ORDER BY ${order} LIMIT $${limitAt}`,
    [...params, ...(page.after ?? []), page.limit + 1],
  );
  const [{ total }]: Array<{ total: number }> = await manager.query(
    `SELECT count(*)::int AS total FROM ${list.from} WHERE ${where}`,
    [...params],
  );
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  return {
    rows: shown.map(({ pageKey: _key, ...row }) => row as unknown as T),
    total,
    next: more ? shown[shown.length - 1].pageKey : undefined,
  };
}

/** The whole list, in the same order: for callers that need every row (a count, a report), not a screen of them. */
export async function readAll<T>(manager: EntityManager, list: KeysetList, params: readonly unknown[]): Promise<T[]> {
  return manager.query(
    `SELECT ${list.columns} FROM ${list.from} WHERE ${list.where} ORDER BY ${list.key.map((k) => k.sql).join(', ')}`,
    [...params],
  );
}
