import { SignJWT, type importJWK } from 'jose';
import { currentKeyFile, LocalIssuerKeys } from './issuer-key-rotation';
import { openSigningKey, SIGNING_ALGORITHM } from './signing-key';

export const LOCAL_ISSUER = 'mast-platform-local';
export const LOCAL_AUDIENCE = 'mast-platform';
const ALGORITHM = SIGNING_ALGORITHM;
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
    /** Named in every token's header, so a verifier picks the key across a rotation (ADR 021). */
    readonly keyId: string,
    private readonly dataDir: string,
  ) {}

  static async open(dataDir: string): Promise<LocalIssuer> {
    // Two processes starting at once agree on one key, so their tokens agree.
    const key = await openSigningKey(currentKeyFile(dataDir));
    return new LocalIssuer(key.privateKey, key.publicKey, key.keyId, dataDir);
  }

  /** The keys its tokens verify with: the current one and, after a rotation, the retired ones while their tokens may live. */
  verificationKeys(maxLifetimeSeconds: number): LocalIssuerKeys {
    return new LocalIssuerKeys(this.dataDir, maxLifetimeSeconds);
  }

  /** A token for `userId`, valid for `ttlSeconds`: 8 hours (a working day) at most. */
  async sign(
    userId: string,
    ttlSeconds = LOCAL_TOKEN_MAX_LIFETIME_SECONDS,
    now = Math.floor(Date.now() / 1000),
  ): Promise<string> {
    if (!(ttlSeconds > 0 && ttlSeconds <= LOCAL_TOKEN_MAX_LIFETIME_SECONDS)) {
      throw new RangeError(
        `a local token lives between 1 second and ${LOCAL_TOKEN_MAX_LIFETIME_SECONDS / 3600} hours, not ${ttlSeconds} seconds`,
      );
    }
    return new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid: this.keyId })
      .setSubject(userId)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + ttlSeconds)
      .sign(this.privateKey);
  }
}
