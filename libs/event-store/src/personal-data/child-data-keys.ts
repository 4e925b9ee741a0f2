import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { KeyEncryptionKeys } from './key-encryption-keys';

/** The child's record was erased: nothing more may be written about them under their old key. */
export class ChildRecordErasedError extends Error {
  constructor(readonly childId: string) {
    super(`The record of child ${childId} has been erased`);
    this.name = 'ChildRecordErasedError';
  }
}

/**
 * One data key per child, stored wrapped (encrypted) by the key-encryption key, in its own
 * table. Erasing a child deletes the key and leaves a tombstone, so the child's events stay
 * in the log but their personal fields can never be read again (crypto-shredding, ADR 003).
 * Keys are not cached: every process sees an erasure at once.
 */
export class ChildDataKeys {
  /** The key-encryption keys: one, or during a rotation the new and the previous one (ADR 021). */
  readonly keyEncryptionKeys: KeyEncryptionKeys;

  constructor(
    private readonly pool: Pool,
    keyEncryptionKey: Buffer | KeyEncryptionKeys,
  ) {
    this.keyEncryptionKeys =
      keyEncryptionKey instanceof KeyEncryptionKeys ? keyEncryptionKey : KeyEncryptionKeys.of(keyEncryptionKey);
  }

  /**
   * The child's key, created on first use. Committed on its own before any event that uses
   * it, so an append hook reading the events back in the same transaction can open them.
   */
  async keyFor(childId: string): Promise<Buffer> {
    const { wrapped, keyId } = this.keyEncryptionKeys.wrap(childId, randomBytes(32));
    await this.pool.query(
      `INSERT INTO event_store.child_data_keys (child_id, wrapped_key, wrapping_key_id) VALUES ($1, $2, $3) ON CONFLICT (child_id) DO NOTHING`,
      [childId, wrapped, keyId],
    );
    const key = (await this.existingKeys([childId])).get(childId);
    if (!key) throw new ChildRecordErasedError(childId);
    return key;
  }

  /** Keys of the given children that still exist; erased or unknown children are absent. */
  async existingKeys(childIds: readonly string[]): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    if (childIds.length === 0) return keys;
    const { rows } = await this.pool.query<{ child_id: string; wrapped_key: Buffer; wrapping_key_id: string | null }>(
      `SELECT child_id, wrapped_key, wrapping_key_id FROM event_store.child_data_keys WHERE child_id = ANY($1::text[]) AND wrapped_key IS NOT NULL`,
      [[...new Set(childIds)]],
    );
    for (const row of rows)
      keys.set(row.child_id, this.keyEncryptionKeys.unwrap(row.child_id, row.wrapped_key, row.wrapping_key_id));
    return keys;
  }

  /** Deletes the child's key for good; returns false if it was already erased. */
  async erase(childId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO event_store.child_data_keys (child_id, wrapped_key, erased_at) VALUES ($1, NULL, now())
       ON CONFLICT (child_id) DO UPDATE SET wrapped_key = NULL, erased_at = now()
       WHERE event_store.child_data_keys.erased_at IS NULL`,
      [childId],
    );
    // The old row version would otherwise linger on disk until autovacuum reaches it.
    await this.pool.query('VACUUM event_store.child_data_keys');
    return (rowCount ?? 0) > 0;
  }
}
