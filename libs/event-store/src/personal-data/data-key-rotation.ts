import type { Pool } from 'pg';
import type { KeyEncryptionKeys } from './key-encryption-keys';

/** Retiring the previous key while data keys still depend on it would make them unreadable. */
export class RotationUnfinished extends Error {
  constructor(readonly remaining: number) {
    super(
      `${remaining} data key(s) are not wrapped with the current key-encryption key yet: run the rotation again before retiring the previous key`,
    );
    this.name = 'RotationUnfinished';
  }
}

/**
 * Re-wraps every data key still wrapped by another key-encryption key than the current one,
 * a batch per transaction, while the platform serves (ADR 021). Only `child_data_keys`
 * changes: the data keys themselves stay, so no event is rewritten. A key erased meanwhile
 * stays erased: the row lock orders the two, and a tombstone has nothing to re-wrap.
 */
export async function rewrapDataKeys(
  pool: Pool,
  keys: KeyEncryptionKeys,
  { batchSize = 500, onBatch = (): void => undefined }: { batchSize?: number; onBatch?: (done: number) => void } = {},
): Promise<number> {
  let done = 0;
  for (;;) {
    const client = await pool.connect();
    let batch = 0;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ child_id: string; wrapped_key: Buffer; wrapping_key_id: string | null }>(
        `SELECT child_id, wrapped_key, wrapping_key_id FROM event_store.child_data_keys
          WHERE wrapped_key IS NOT NULL AND wrapping_key_id IS DISTINCT FROM $1 ORDER BY child_id LIMIT $2 FOR UPDATE`,
        [keys.current.id, batchSize],
      );
      for (const row of rows) {
        const { wrapped, keyId } = keys.wrap(
          row.child_id,
          keys.unwrap(row.child_id, row.wrapped_key, row.wrapping_key_id),
        );
        await client.query(
          `UPDATE event_store.child_data_keys SET wrapped_key = $2, wrapping_key_id = $3 WHERE child_id = $1`,
          [row.child_id, wrapped, keyId],
        );
      }
      await client.query('COMMIT');
      batch = rows.length;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    if (batch === 0) break;
    done += batch;
    onBatch(done);
  }
  // The old row versions hold the keys wrapped by the retiring key: gone from disk, not just from view.
  await pool.query('VACUUM event_store.child_data_keys');
  return done;
}

/**
 * Ends the rotation: the previous key is recorded as retired, after which no data key may be
 * written wrapped by it (a trigger refuses it) and no process holding it starts.
 */
export async function retirePreviousKey(pool: Pool, keys: KeyEncryptionKeys): Promise<void> {
  if (!keys.previous) throw new Error('no previous key-encryption key to retire');
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM event_store.child_data_keys WHERE wrapped_key IS NOT NULL AND wrapping_key_id IS DISTINCT FROM $1`,
    [keys.current.id],
  );
  if (rows[0].n > 0) throw new RotationUnfinished(rows[0].n);
  await pool.query(`INSERT INTO event_store.retired_wrapping_keys (key_id) VALUES ($1) ON CONFLICT DO NOTHING`, [
    keys.previous.id,
  ]);
}

/** Which of the held keys a rotation has retired: `current`, `previous`, both or neither. */
export async function retiredKeysAmong(pool: Pool, keys: KeyEncryptionKeys): Promise<Array<'current' | 'previous'>> {
  const { rows } = await pool.query<{ key_id: string }>(
    `SELECT key_id FROM event_store.retired_wrapping_keys WHERE key_id = ANY($1::text[])`,
    [[keys.current.id, keys.previous?.id ?? keys.current.id]],
  );
  const retired = new Set(rows.map((r) => r.key_id));
  return [
    ...(retired.has(keys.current.id) ? ['current' as const] : []),
    ...(keys.previous && retired.has(keys.previous.id) ? ['previous' as const] : []),
  ];
}
