import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export const SIGNING_ALGORITHM = 'ES256';

type Key = Awaited<ReturnType<typeof importJWK>>;

/** An ES256 key pair kept in one file under the data dir, and its public half as JWK with its thumbprint as key id. */
export interface SigningKey {
  readonly privateKey: Key;
  readonly publicKey: Key;
  readonly publicJwk: JWK;
  readonly keyId: string;
}

/** Opens the key in `file`, generating it at first use; two processes starting at once agree on the first one written. */
export async function openSigningKey(file: string): Promise<SigningKey> {
  let jwk: JWK;
  if (existsSync(file)) {
    jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
    jwk = { ...(await exportJWK(privateKey)), alg: SIGNING_ALGORITHM };
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
    } catch {
      // Another process wrote it first: use theirs.
      jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    }
  }
  const { d: _private, ...publicJwk } = jwk;
  return {
    privateKey: await importJWK(jwk, SIGNING_ALGORITHM),
    publicKey: await importJWK(publicJwk, SIGNING_ALGORITHM),
    publicJwk,
    keyId: await calculateJwkThumbprint(publicJwk),
  };
}
