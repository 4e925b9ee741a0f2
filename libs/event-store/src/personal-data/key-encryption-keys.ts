import { createHash } from 'node:crypto';
import { open, seal, type SealedValue } from './sealed-value';

/** A key-encryption key and its id: a fingerprint stored beside every data key it wraps, never the key. */
export interface KeyEncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

export const keyEncryptionKey = (key: Buffer): KeyEncryptionKey => {
  if (key.length !== 32) throw new RangeError('The data key encryption key must be 32 bytes');
  return {
    id: createHash('sha256').update('mast-data-key-encryption-key:').update(key).digest('hex').slice(0, 16),
    key,
  };
};

/** A data key row names a key-encryption key this process does not hold. */
export class UnknownWrappingKey extends Error {
  constructor(
    readonly childId: string,
    readonly keyId: string,
  ) {
    super(
      `the data key of child ${childId} is wrapped with key-encryption key ${keyId}, which this process does not hold (DATA_KEY_ENCRYPTION_KEY, DATA_KEY_ENCRYPTION_KEY_PREVIOUS)`,
    );
    this.name = 'UnknownWrappingKey';
  }
}

const contextOf = (childId: string) => `child-data-key:${childId}`;

/**
 * The key-encryption keys a process holds (ADR 021): the current one wraps every new data
 * key; during a rotation the previous one still opens the keys not yet re-wrapped.
 */
export class KeyEncryptionKeys {
  constructor(
    readonly current: KeyEncryptionKey,
    readonly previous?: KeyEncryptionKey,
  ) {}

  static of(current: Buffer, previous?: Buffer): KeyEncryptionKeys {
    return new KeyEncryptionKeys(keyEncryptionKey(current), previous ? keyEncryptionKey(previous) : undefined);
  }

  wrap(childId: string, dataKey: Buffer): { readonly wrapped: Buffer; readonly keyId: string } {
    return {
      wrapped: Buffer.from(JSON.stringify(seal(this.current.key, dataKey, contextOf(childId)))),
      keyId: this.current.id,
    };
  }

  /** `keyId` null: a key wrapped before keys had ids, by the key in use then, which is the current or the previous one. */
  unwrap(childId: string, wrapped: Buffer, keyId: string | null): Buffer {
    const sealed = JSON.parse(wrapped.toString('utf8')) as SealedValue;
    const held = [this.current, ...(this.previous ? [this.previous] : [])];
    if (keyId !== null) {
      const kek = held.find((k) => k.id === keyId);
      if (!kek) throw new UnknownWrappingKey(childId, keyId);
      return open(kek.key, sealed, contextOf(childId));
    }
    for (const [i, kek] of held.entries()) {
      try {
        return open(kek.key, sealed, contextOf(childId));
      } catch (error) {
        if (i === held.length - 1) throw error;
      }
    }
    throw new UnknownWrappingKey(childId, 'unknown');
  }
}
