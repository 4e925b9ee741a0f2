import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { open, seal, type SealedValue } from './sealed-value';

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
  constructor(
    private readonly pool: Pool,
    private readonly keyEncryptionKey: Buffer,
  ) {
    if (keyEncryptionKey.length !== 32) throw new RangeError('The data key encryption key must be 32 bytes');
  }

  /**
   * The child's key, created on first use. Committed on its own before any event that uses
   * it, so an append hook reading the events back in the same transaction can open them.
   */
  async keyFor(childId: string): Promise<Buffer> {
    const wrapped = seal(this.keyEncryptionKey, randomBytes(32), `child-data-key:${childId}`);
    await this.pool.query(
      `INSERT INTO event_store.child_data_keys (child_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (child_id) DO NOTHING`,
      [childId, Buffer.from(JSON.stringify(wrapped))],
    );
    const key = (await this.existingKeys([childId])).get(childId);
    if (!key) throw new ChildRecordErasedError(childId);
    return key;
  }

  /** Keys of the given children that still exist; erased or unknown children are absent. */
  async existingKeys(childIds: readonly string[]): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    if (childIds.length === 0) return keys;
    const { rows } = await this.pool.query<{ child_id: string; wrapped_key: Buffer }>(
      `SELECT child_id, wrapped_key FROM event_store.child_data_keys WHERE child_id = ANY($1::text[]) AND wrapped_key IS NOT NULL`,
      [[...new Set(childIds)]],
    );
    for (const row of rows) {
      const wrapped = JSON.parse(row.wrapped_key.toString('utf8')) as SealedValue;
      keys.set(row.child_id, open(this.keyEncryptionKey, wrapped, `child-data-key:${row.child_id}`));
    }
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
