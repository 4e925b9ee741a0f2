import type { EntityManager } from 'typeorm';
import { eventCatalogue } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

/**
 * The event every projection handles for itself: the child's data key is gone (ADR 003,
 * ADR 016), so each read model drops the decrypted copies of the child's personal values it
 * holds and keeps the rest (ids, dates, statuses: the record shows as erased, not as missing).
 */
export const CHILD_RECORD_ERASED = 'ChildRecordErased';

export const erasedChild = (event: RecordedEvent): string => (event.data as { childId: string }).childId;

/** Sets the named columns of every row of the child (or rows matched by `where`, whose $1 is the child id) to null. */
export async function nullColumns(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  childId: string,
  where = 'child_id = $1',
): Promise<void> {
  await manager.query(
    `UPDATE read_models.${table} SET ${columns.map((c) => `${c} = NULL`).join(', ')} WHERE ${where}`,
    [childId],
  );
}

/** The personal fields the catalogue names for these event types: what a JSON copy of their payload must lose. */
export const personalKeysOf = (...eventTypes: string[]): string[] => [
  ...new Set(eventTypes.flatMap((type) => eventCatalogue.personalFields(type))),
];

const keyList = (keys: readonly string[]) =>
  `ARRAY[${keys.map((k) => `'${k.replace(/'/g, "''")}'`).join(',')}]::text[]`;

/** SQL: a jsonb object column without the given keys. */
export const withoutKeys = (column: string, keys: readonly string[]): string => `${column} - ${keyList(keys)}`;

/** SQL: a jsonb array-of-objects column with the given keys removed from every element. */
export const eachWithoutKeys = (column: string, keys: readonly string[]): string =>
  `COALESCE((SELECT jsonb_agg(element - ${keyList(keys)}) FROM jsonb_array_elements(${column}) AS element), '[]'::jsonb)`;
