import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

export const LOCAL_ISSUER = 'mast-platform-local';
export const LOCAL_AUDIENCE = 'mast-platform';
const ALGORITHM = 'ES256';
/** A working day: the longest a local-issuer token lives, whatever is asked. */
export const LOCAL_TOKEN_MAX_LIFETIME_SECONDS = 8 * 3600;

type SigningKey = Awaited<ReturnType<typeof importJWK>>;

/**
 * The embedded default's identity provider: an ES256 key generated at first start and kept
 * under `<dataDir>/keys`, signing short-lived tokens for users of the directory.
 */
export class LocalIssuer {
  private constructor(
    private readonly privateKey: SigningKey,
    readonly publicKey: SigningKey,
  ) {}

  static async open(dataDir: string): Promise<LocalIssuer> {
    const file = join(dataDir, 'keys', 'local-issuer.jwk.json');
    let jwk: JWK;
    if (existsSync(file)) {
      jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    } else {
      const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
      jwk = { ...(await exportJWK(privateKey)), alg: ALGORITHM };
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      try {
        writeFileSync(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
      } catch {
        // Another process wrote it first: use theirs, so tokens agree.
        jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
      }
    }
    const { d: _private, ...publicJwk } = jwk;
    return new LocalIssuer(await importJWK(jwk, ALGORITHM), await importJWK(publicJwk, ALGORITHM));
  }

  /** A token for `userId`, valid for `ttlSeconds`: 8 hours (a working day) at most. */
  async sign(userId: string, ttlSeconds = LOCAL_TOKEN_MAX_LIFETIME_SECONDS, now = Math.floor(Date.now() / 1000)): Promise<string> {
    if (!(ttlSeconds > 0 && ttlSeconds <= LOCAL_TOKEN_MAX_LIFETIME_SECONDS)) {
      throw new RangeError(`a local token lives between 1 second and ${LOCAL_TOKEN_MAX_LIFETIME_SECONDS / 3600} hours, not ${ttlSeconds} seconds`);
    }
    return new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + ttlSeconds)
      .sign(this.privateKey);
  }
}
