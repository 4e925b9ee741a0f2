import type { Pool } from 'pg';
import type { ChildDataKeys } from '@app/event-store';

/**
 * A restore with another key-encryption key than the one that wrapped the data keys would
 * look complete and read every child's personal data as garbage: one key is opened to prove
 * DATA_KEY_ENCRYPTION_KEY is the right one before anything is rebuilt from the log.
 */
export async function requireDataKeysOpen(pool: Pool, dataKeys: ChildDataKeys): Promise<void> {
  const { rows } = await pool.query<{ child_id: string }>(
    `SELECT child_id FROM event_store.child_data_keys WHERE wrapped_key IS NOT NULL LIMIT 1`,
  );
  if (rows.length === 0) return;
  try {
    await dataKeys.existingKeys([rows[0].child_id]);
  } catch {
    throw new Error(
      'the restored data keys do not open with this DATA_KEY_ENCRYPTION_KEY: restore with the key that was in use when the backup was taken',
    );
  }
}
