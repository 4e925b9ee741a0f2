import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { PlatformConfig } from '@app/platform';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalIssuer } from './local-issuer';

export type AuthenticationFailure =
  | 'missing-token'
  | 'malformed-token'
  | 'expired-token'
  | 'token-not-yet-valid'
  | 'bad-signature'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'lifetime-unknown'
  | 'lifetime-too-long'
  | 'unknown-user'
  | 'no-session'
  | 'csrf-token';

const explanations: Record<AuthenticationFailure, string> = {
  'missing-token': 'No bearer token: send Authorization: Bearer <token>',
  'malformed-token': 'The bearer token is not a well-formed JWT',
  'expired-token': 'The token has expired: sign in again',
  'token-not-yet-valid': 'The token is not valid yet (nbf in the future)',
  'bad-signature': 'The token signature does not verify against the issuer keys',
  'wrong-issuer': 'The token was issued by an issuer this platform does not trust',
  'wrong-audience': 'The token was issued for another audience',
  'lifetime-unknown': 'The token carries no iat or no exp claim, so how long it lives cannot be checked',
  'lifetime-too-long':
    'The token lives longer than this platform allows (exp - iat above TOKEN_MAX_LIFETIME_SECONDS): ask the issuer for a shorter-lived token',
  'unknown-user': 'The token names a user who is not in the directory or is deactivated',
  'no-session': 'You are not signed in, or your session has ended: sign in again',
  'csrf-token': 'The form did not carry the token of your session: reload the page and send it again',
};

/** Clocks of issuers and of the platform disagree by this much at most. */
const CLOCK_TOLERANCE_SECONDS = 30;

export class AuthenticationError extends Error {
  constructor(readonly failure: AuthenticationFailure) {
    super(explanations[failure]);
    this.name = 'AuthenticationError';
  }
}

/** Tokens a process remembers as verified: a signature check is most of a request's own work, and a client sends the same token for its lifetime. */
const TOKENS_REMEMBERED = 10_000;
/**
 * Verifies bearer tokens: OIDC via the issuer's JWKS in production, the local issuer otherwise.
 * A token that verified is remembered (the exact string, with its subject and expiry) until it
 * expires, so its signature is checked once, not on every request; its expiry still is. The
 * user behind it is still looked up in the directory on every request (deactivation is at once).
 */
export class TokenVerifier {
  private readonly verified = new Map<string, { readonly subject: string; readonly expires: number }>();
  private readonly key: JWTVerifyGetKey;
  private readonly issuer: string;
  private readonly audience: string;
  private readonly maxLifetimeSeconds: number;

  constructor(config: PlatformConfig, localIssuer: LocalIssuer | null) {
    this.maxLifetimeSeconds = config.tokenMaxLifetimeSeconds;
    if (config.oidc) {
      this.key = createRemoteJWKSet(new URL(config.oidc.jwksUrl));
      this.issuer = config.oidc.issuer;
      this.audience = config.oidc.audience;
    } else {
      if (!localIssuer) throw new Error('No OIDC issuer configured and no local issuer opened');
      this.key = localIssuer.verificationKeys(config.tokenMaxLifetimeSeconds + CLOCK_TOLERANCE_SECONDS)
        .getKey as JWTVerifyGetKey;
      this.issuer = LOCAL_ISSUER;
      this.audience = LOCAL_AUDIENCE;
    }
  }

  /** The token's subject (the directory user id), or an AuthenticationError saying why not. */
  async subjectOf(authorization: string | undefined): Promise<string> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new AuthenticationError('missing-token');
    const known = this.verified.get(match[1]);
    if (known && Math.floor(Date.now() / 1000) <= known.expires + CLOCK_TOLERANCE_SECONDS) return known.subject;
    this.verified.delete(match[1]);
    try {
      const { payload } = await jwtVerify(match[1], this.key, {
        // One reading of the time for every check here, the remembered ones included.
        currentDate: new Date(Date.now()),
        issuer: this.issuer,
        audience: this.audience,
        algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        // Without iat a token's lifetime is unknowable, and a stolen one could be good for years.
        requiredClaims: ['sub', 'iat', 'exp'],
      });
      if (!payload.sub) throw new AuthenticationError('malformed-token');
      // Counted from iat, and from now too: an iat set in the future must not stretch what is left.
      const lifetime = (payload.exp as number) - Math.min(payload.iat as number, Math.floor(Date.now() / 1000));
      if (lifetime > this.maxLifetimeSeconds) throw new AuthenticationError('lifetime-too-long');
      this.remember(match[1], payload.sub, payload.exp as number);
      return payload.sub;
    } catch (error) {
      throw error instanceof AuthenticationError ? error : new AuthenticationError(failureOf(error));
    }
  }

  private remember(token: string, subject: string, expires: number): void {
    // The oldest goes first when full: a Map keeps insertion order.
    if (this.verified.size >= TOKENS_REMEMBERED) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { subject, expires });
  }
}

function failureOf(error: unknown): AuthenticationFailure {
  if (error instanceof errors.JWTExpired) return 'expired-token';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'wrong-issuer';
    if (error.claim === 'aud') return 'wrong-audience';
    if (error.claim === 'nbf') return 'token-not-yet-valid';
    if ((error.claim === 'iat' || error.claim === 'exp') && error.reason === 'missing') return 'lifetime-unknown';
    return 'malformed-token';
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JWKSNoMatchingKey
  ) {
    return 'bad-signature';
  }
  return 'malformed-token';
}
