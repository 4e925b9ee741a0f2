import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { PlatformConfig } from '@app/platform/config/config';
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
  'lifetime-too-long': 'The token lives longer than this platform allows (exp - iat above TOKEN_MAX_LIFETIME_SECONDS): ask the issuer for a shorter-lived token',
  'unknown-user': 'The token names a user who is not in the directory or is deactivated',
  'no-session': 'You are not signed in, or your session has ended: sign in again',
  'csrf-token': 'The form did not carry the token of your session: reload the page and send it again',
};

export class AuthenticationError extends Error {
  constructor(readonly failure: AuthenticationFailure) {
    super(explanations[failure]);
    this.name = 'AuthenticationError';
  }
}

/** Verifies bearer tokens: OIDC via the issuer's JWKS in production, the local issuer otherwise. */
export class TokenVerifier {
  private readonly key: JWTVerifyGetKey | LocalIssuer['publicKey'];
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
      this.key = localIssuer.publicKey;
      this.issuer = LOCAL_ISSUER;
      this.audience = LOCAL_AUDIENCE;
    }
  }

  /** The token's subject (the directory user id), or an AuthenticationError saying why not. */
  async subjectOf(authorization: string | undefined): Promise<string> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new AuthenticationError('missing-token');
    try {
      const { payload } = await jwtVerify(match[1], this.key as JWTVerifyGetKey, {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'],
        clockTolerance: 30,
        // Without iat a token's lifetime is unknowable, and a stolen one could be good for years.
        requiredClaims: ['sub', 'iat', 'exp'],
      });
      if (!payload.sub) throw new AuthenticationError('malformed-token');
      // Counted from iat, and from now too: an iat set in the future must not stretch what is left.
      const lifetime = (payload.exp as number) - Math.min(payload.iat as number, Math.floor(Date.now() / 1000));
      if (lifetime > this.maxLifetimeSeconds) throw new AuthenticationError('lifetime-too-long');
      return payload.sub;
    } catch (error) {
      throw error instanceof AuthenticationError ? error : new AuthenticationError(failureOf(error));
    }
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
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JWKSNoMatchingKey) {
    return 'bad-signature';
  }
  return 'malformed-token';
}
