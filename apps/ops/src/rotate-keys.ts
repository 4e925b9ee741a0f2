import 'reflect-metadata';
import { rotateLocalIssuerKey } from '@app/access';
import { retirePreviousKey, rewrapDataKeys } from '@app/event-store';
import { ConfigError, loadConfig, type PlatformConfig } from '@app/platform';
import { openPlatform } from '@app/composition';
import { exitOnStartupFailure } from '@app/platform';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Re-wraps every data key under DATA_KEY_ENCRYPTION_KEY, then retires DATA_KEY_ENCRYPTION_KEY_PREVIOUS. */
async function rotateDataKeys(config: PlatformConfig): Promise<void> {
  if (!config.dataKeyEncryptionKeyPrevious)
    throw new ConfigError(
      'DATA_KEY_ENCRYPTION_KEY_PREVIOUS',
      'must be set to the key being replaced (DATA_KEY_ENCRYPTION_KEY to the new one)',
    );
  const runtime = await openPlatform(config, { log });
  try {
    const keys = runtime.dataKeys.keyEncryptionKeys;
    const rewrapped = await rewrapDataKeys(runtime.pool, keys, {
      onBatch: (done) => {
        log(`re-wrapped ${done} data keys`);
      },
    });
    await retirePreviousKey(runtime.pool, keys);
    log(
      `${rewrapped} data keys re-wrapped under key ${keys.current.id}; key ${keys.previous!.id} retired: unset DATA_KEY_ENCRYPTION_KEY_PREVIOUS everywhere`,
    );
  } finally {
    await runtime.close();
  }
}

/** A new signing key for the local issuer; the old public key verifies its tokens until they have all expired. */
async function rotateIssuerKey(config: PlatformConfig): Promise<void> {
  if (config.oidc)
    throw new ConfigError(
      'OIDC_ISSUER',
      'is set: your identity provider rotates its own keys (its JWKS), not this command',
    );
  const keyId = await rotateLocalIssuerKey(
    config.dataDir,
    Math.floor(Date.now() / 1000),
    config.tokenMaxLifetimeSeconds + 30,
  );
  log(
    `the local issuer signs with key ${keyId} from now on; tokens of the old key verify for ${config.tokenMaxLifetimeSeconds} s more`,
  );
}

/**
 * `npm run keys:rotate -- data-keys | local-issuer` (ADR 021), while the platform serves.
 * data-keys: every process must already run with the new DATA_KEY_ENCRYPTION_KEY and the old
 * one as DATA_KEY_ENCRYPTION_KEY_PREVIOUS; afterwards unset the previous one everywhere.
 */
async function main(): Promise<void> {
  const [what] = process.argv.slice(2);
  const config = loadConfig();
  if (what === 'data-keys') return rotateDataKeys(config);
  if (what === 'local-issuer') return rotateIssuerKey(config);
  process.stderr.write('usage: npm run keys:rotate -- data-keys | local-issuer\n');
  process.exit(2);
}

main().catch(exitOnStartupFailure('key rotation'));
