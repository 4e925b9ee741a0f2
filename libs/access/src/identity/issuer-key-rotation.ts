import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTHeaderParameters,
} from 'jose';
import { SIGNING_ALGORITHM } from './signing-key';

type Key = Awaited<ReturnType<typeof importJWK>>;

/** A public key the issuer signed with before its last rotation, and when it stopped signing (epoch seconds). */
interface RetiredKey {
  readonly keyId: string;
  readonly jwk: JWK;
  readonly retiredAt: number;
}

export const currentKeyFile = (dataDir: string) => join(dataDir, 'keys', 'local-issuer.jwk.json');
const retiredKeysFile = (dataDir: string) => join(dataDir, 'keys', 'local-issuer.retired.json');

const readRetired = (dataDir: string): RetiredKey[] =>
  existsSync(retiredKeysFile(dataDir))
    ? (JSON.parse(readFileSync(retiredKeysFile(dataDir), 'utf8')) as RetiredKey[])
    : [];

/** Written beside and renamed over: a process reading the file sees the old key or the new one, never half of one. */
const replace = (file: string, content: string) => {
  writeFileSync(`${file}.new`, content, { mode: 0o600 });
  renameSync(`${file}.new`, file);
};

/**
 * Rotates the local issuer's signing key (ADR 021): a new key signs from now on; the old
 * public key is kept, with the moment it retired, for verifying the tokens it signed until
 * the longest of them has expired (`keepSeconds`, TOKEN_MAX_LIFETIME_SECONDS); keys retired
 * longer ago than that are dropped. Returns the new key's id.
 */
export async function rotateLocalIssuerKey(dataDir: string, nowSeconds: number, keepSeconds: number): Promise<string> {
  const file = currentKeyFile(dataDir);
  if (!existsSync(file)) throw new Error(`${file} does not exist: there is no local issuer key to rotate`);
  const { d: _private, ...oldPublic } = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const retired = [
    ...readRetired(dataDir).filter((k) => nowSeconds - k.retiredAt <= keepSeconds),
    { keyId: await calculateJwkThumbprint(oldPublic), jwk: oldPublic, retiredAt: nowSeconds },
  ];
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const fresh = { ...(await exportJWK(privateKey)), alg: SIGNING_ALGORITHM };
  // Retired first: between the two writes a token of the new key cannot exist yet, one of the old key still verifies.
  replace(retiredKeysFile(dataDir), JSON.stringify(retired));
  replace(file, JSON.stringify(fresh));
  const { d: _d, ...freshPublic } = fresh;
  return calculateJwkThumbprint(freshPublic);
}

/**
 * The keys a token of the local issuer may verify with: the current one, and a retired one
 * while tokens it signed can still be alive. The files are read again when a token names a
 * key not known yet and the key file has changed since (another process rotated).
 */
export class LocalIssuerKeys {
  private current: { keyId: string; key: Key } | undefined;
  private retired = new Map<string, { key: Key; retiredAt: number }>();
  private loadedVersion = '';

  constructor(
    private readonly dataDir: string,
    private readonly maxLifetimeSeconds: number,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  /** For jose's jwtVerify: the key the token's `kid` names (no kid: tokens signed before kids, by the current key). */
  readonly getKey = async (header: JWTHeaderParameters): Promise<Key> => {
    if (!this.current || (header.kid && header.kid !== this.current.keyId && !this.retired.has(header.kid)))
      await this.load();
    const current = this.current!;
    if (!header.kid || header.kid === current.keyId) return current.key;
    const retired = this.retired.get(header.kid);
    // Signed before it retired, so alive at most maxLifetime after: past that nothing it signed may pass.
    if (retired && this.nowSeconds() - retired.retiredAt <= this.maxLifetimeSeconds) return retired.key;
    throw new errors.JWKSNoMatchingKey();
  };

  private async load(): Promise<void> {
    // A token naming a made-up key costs a stat, not a re-read.
    const version = String(statSync(currentKeyFile(this.dataDir)).mtimeMs);
    if (this.current && version === this.loadedVersion) return;
    this.loadedVersion = version;
    const { d: _private, ...publicJwk } = JSON.parse(readFileSync(currentKeyFile(this.dataDir), 'utf8')) as JWK;
    this.current = {
      keyId: await calculateJwkThumbprint(publicJwk),
      key: await importJWK(publicJwk, SIGNING_ALGORITHM),
    };
    const retired = new Map<string, { key: Key; retiredAt: number }>();
    for (const k of readRetired(this.dataDir))
      retired.set(k.keyId, { key: await importJWK(k.jwk, SIGNING_ALGORITHM), retiredAt: k.retiredAt });
    this.retired = retired;
  }
}
