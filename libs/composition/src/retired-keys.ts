import type { Pool } from 'pg';
import { retiredKeysAmong } from '@app/event-store';
import type { KeyEncryptionKeys } from '@app/event-store';
import { ConfigError } from '@app/platform';

/**
 * A process started with a key-encryption key that a finished rotation retired (a replica
 * whose secret was never updated) stops at start-up naming the variable, rather than failing
 * at the first child it registers (ADR 021).
 */
export async function refuseRetiredKeys(pool: Pool, keys: KeyEncryptionKeys): Promise<void> {
  const retired = await retiredKeysAmong(pool, keys);
  if (retired.includes('current')) {
    throw new ConfigError(
      'DATA_KEY_ENCRYPTION_KEY',
      'is a key-encryption key a rotation has retired: set it to the key the rotation moved to',
    );
  }
  if (retired.includes('previous')) {
    throw new ConfigError('DATA_KEY_ENCRYPTION_KEY_PREVIOUS', 'was retired when the rotation finished: unset it');
  }
}
