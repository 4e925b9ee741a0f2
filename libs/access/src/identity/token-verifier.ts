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
  | 'unknown-user';

const explanations: Record<AuthenticationFailure, string> = {
  'missing-token': 'No bearer token: send Authorization: Bearer <token>',
  'malformed-token': 'The bearer token is not a well-formed JWT',
  'expired-token': 'The token has expired: sign in again',
  'token-not-yet-valid': 'The token is not valid yet (nbf in the future)',
  'bad-signature': 'The token signature does not verify against the issuer keys',
  'wrong-issuer': 'The token was issued by an issuer this platform does not trust',
  'wrong-audience': 'The token was issued for another audience',
  'unknown-user': 'The token names a user who is not in the directory or is deactivated',
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

  constructor(config: PlatformConfig, localIssuer: LocalIssuer | null) {
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
        requiredClaims: ['sub', 'exp'],
      });
      if (!payload.sub) throw new AuthenticationError('malformed-token');
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
    return 'malformed-token';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JWKSNoMatchingKey) {
    return 'bad-signature';
  }
  return 'malformed-token';
}
