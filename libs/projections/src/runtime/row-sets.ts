import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { PREPARED } from '@app/platform';

// Every statement here keeps its text whatever the rows (they travel as arrays): each is prepared once a connection.

/** A column of a read-model table as a set-based statement binds it: its name and SQL type. */
export interface ColumnOf {
  readonly name: string;
  /** The SQL type, e.g. `text`, `date`, `text[]`. */
  readonly type: string;
}

/** What a batch of events did to one row: the columns it assigned, the last assignment winning. */
export type Assignments = ReadonlyMap<string, unknown>;

/** A text[] value as one array literal: unnest of a two-dimensional array would flatten it. */
const arrayLiteral = (values: readonly string[]) =>
  `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

const bind = (column: ColumnOf, value: unknown) =>
  value === null || value === undefined
    ? null
    : column.type.endsWith('[]')
      ? arrayLiteral(value as string[])
      : value instanceof Date
        ? value.toISOString()
        : String(value);

/** `$n::type[]` for a column; array columns travel as text literals and are cast back per row. */
const param = (column: ColumnOf, n: number) =>
  column.type.endsWith('[]') ? `$${n}::text[]` : `$${n}::${column.type}[]`;
const value = (column: ColumnOf, alias: string) =>
  column.type.endsWith('[]') ? `${alias}.${column.name}::${column.type}` : `${alias}.${column.name}`;

/**
 * One UPDATE for many rows, each assigning only its own columns (the others keep their
 * values): what applying several events to several rows one statement at a time would have
 * left. Rows that do not exist are left alone, as an UPDATE of one would.
 */
export async function updateRows(
  manager: EntityManager,
  table: string,
  key: ColumnOf,
  columns: readonly ColumnOf[],
  rows: ReadonlyMap<string, Assignments>,
): Promise<void> {
  if (rows.size === 0) return;
  const ids = [...rows.keys()];
  const params: unknown[] = [ids];
  const sets: string[] = [];
  const aliases: string[] = [key.name];
  const unnest: string[] = [`$1::${key.type}[]`];
  for (const column of columns) {
    params.push(
      ids.map((id) => rows.get(id)!.has(column.name)),
      ids.map((id) => bind(column, rows.get(id)!.get(column.name))),
    );
    unnest.push(`$${params.length - 1}::boolean[]`, param(column, params.length));
    aliases.push(`set_${column.name}`, column.name);
    sets.push(`${column.name} = CASE WHEN m.set_${column.name} THEN ${value(column, 'm')} ELSE t.${column.name} END`);
  }
  await manager.query(
    `${PREPARED}UPDATE ${table} t SET ${sets.join(', ')} FROM unnest(${unnest.join(', ')}) AS m(${aliases.join(', ')}) WHERE t.${key.name} = m.${key.name}`,
    params,
  );
}

/** One INSERT of many whole rows, skipping those whose key exists; returns the keys it inserted. */
export async function insertNewRows(
  manager: EntityManager,
  table: string,
  key: ColumnOf,
  columns: readonly ColumnOf[],
  rows: ReadonlyMap<string, Assignments>,
): Promise<Set<string>> {
  if (rows.size === 0) return new Set();
  const ids = [...rows.keys()];
  const all = [key, ...columns];
  const params = [ids, ...columns.map((column) => ids.map((id) => bind(column, rows.get(id)!.get(column.name))))];
  const inserted: Array<Record<string, string>> = await manager.query(
    `${PREPARED}INSERT INTO ${table} (${all.map((c) => c.name).join(', ')})
     SELECT ${all.map((c) => value(c, 'm')).join(', ')} FROM unnest(${all.map((c, i) => param(c, i + 1)).join(', ')}) AS m(${all.map((c) => c.name).join(', ')})
     ON CONFLICT (${key.name}) DO NOTHING RETURNING ${key.name}`,
    params,
  );
  return new Set(inserted.map((row) => row[key.name]));
}

/**
 * Splits a batch into rounds holding at most one event per row, in log order: within a round
 * the events touch different rows, so they may be applied together in any order; rounds
 * apply one after another, so each row still sees its events in turn.
 */
export function inRounds<E>(events: readonly E[], rowOf: (event: E) => string): E[][] {
  const rounds: E[][] = [];
  const seen = new Map<string, number>();
  for (const event of events) {
    const row = rowOf(event);
    const round = seen.get(row) ?? 0;
    seen.set(row, round + 1);
    (rounds[round] ??= []).push(event);
  }
  return rounds;
}

/** An entity's columns by property name, as set-based statements bind them. */
export function entityColumns(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): Map<string, ColumnOf> {
  return new Map(
    manager.connection
      .getMetadata(entity)
      .columns.map((c) => [
        c.propertyName,
        { name: c.databaseName, type: `${String(c.type)}${c.isArray ? '[]' : ''}` },
      ]),
  );
}

/** A partial entity as assignments to its table's columns. */
export const assignmentsOfEntity = (columns: ReadonlyMap<string, ColumnOf>, values: object): Map<string, unknown> =>
  new Map(Object.entries(values).map(([property, v]) => [columns.get(property)!.name, v]));

/** A whole row by column name, as `upsertRows` and `updateEachRow` take it. */
export type Row = Readonly<Record<string, unknown>>;

/** The last row of each key: what assigning them one after another leaves (one statement may touch a row once). */
function lastOfEachKey(keys: readonly ColumnOf[], rows: readonly Row[]): Row[] {
  return [...new Map(rows.map((row) => [JSON.stringify(keys.map((k) => row[k.name])), row])).values()];
}

const unnestOf = (columns: readonly ColumnOf[], rows: readonly Row[]) => ({
  sql: `unnest(${columns.map((c, i) => param(c, i + 1)).join(', ')}) AS m(${columns.map((c) => c.name).join(', ')})`,
  params: columns.map((column) => rows.map((row) => bind(column, row[column.name]))),
});

/**
 * One INSERT of many rows, a row whose key exists taking the new values of `columns` (its
 * other columns kept): what an upsert of each row in turn leaves. `select` may replace a
 * column's value with SQL over the unnested rows `m` (e.g. a sub-select).
 */
export async function upsertRows(
  manager: EntityManager,
  table: string,
  keys: readonly ColumnOf[],
  columns: readonly ColumnOf[],
  rows: readonly Row[],
  select: Readonly<Record<string, string>> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const all = [...keys, ...columns];
  const { sql, params } = unnestOf(all, lastOfEachKey(keys, rows));
  await manager.query(
    `${PREPARED}INSERT INTO ${table} (${all.map((c) => c.name).join(', ')})
     SELECT ${all.map((c) => select[c.name] ?? value(c, 'm')).join(', ')} FROM ${sql}
     ON CONFLICT (${keys.map((k) => k.name).join(', ')}) DO UPDATE SET ${columns.map((c) => `${c.name} = EXCLUDED.${c.name}`).join(', ')}`,
    params,
  );
}

/** One UPDATE of the same `columns` of many rows, each found by its (composite) key; missing rows are left alone. */
export async function updateEachRow(
  manager: EntityManager,
  table: string,
  keys: readonly ColumnOf[],
  columns: readonly ColumnOf[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const { sql, params } = unnestOf([...keys, ...columns], lastOfEachKey(keys, rows));
  await manager.query(
    `${PREPARED}UPDATE ${table} t SET ${columns.map((c) => `${c.name} = ${value(c, 'm')}`).join(', ')} FROM ${sql}
      WHERE ${keys.map((k) => `t.${k.name} = m.${k.name}`).join(' AND ')}`,
    params,
  );
}
