import { SignJWT, generateKeyPair, type KeyLike } from 'jose';
import request from 'supertest';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LocalIssuer } from '@app/access';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** Every request but health carries a bearer token; a refusal says which check failed. */
describe('authentication: 401 says why', () => {
  let platform: PlatformUnderTest;
  let issuer: LocalIssuer;

  beforeAll(async () => {
    platform = await startPlatform('authentication');
    issuer = await LocalIssuer.open(platform.runtime.config.dataDir);
  });
  afterAll(async () => {
    await platform.close();
  });

  const call = (authorization?: string) => {
    const req = request(platform.http).get('/audit/me/access-history');
    return authorization ? req.set('Authorization', authorization) : req;
  };
  const forged = async (
    claims: { iss?: string; aud?: string; iat?: number | null; exp?: number | null; nbf?: number; sub?: string },
    key?: KeyLike,
  ) => {
    const now = Math.floor(Date.now() / 1000);
    const signingKey = key ?? (await generateKeyPair('ES256')).privateKey;
    const jwt = new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(claims.sub ?? 'dpo')
      .setIssuer(claims.iss ?? LOCAL_ISSUER)
      .setAudience(claims.aud ?? LOCAL_AUDIENCE)
      .setNotBefore(claims.nbf ?? now - 5);
    if (claims.iat !== null) jwt.setIssuedAt(claims.iat ?? now);
    if (claims.exp !== null) jwt.setExpirationTime(claims.exp ?? now + 600);
    return jwt.sign(signingKey);
  };

  it('health answers without a token', async () => {
    await request(platform.http).get('/health').expect(200);
  });

  it('accepts a token from the local issuer for a directory user', async () => {
    await call(`Bearer ${await issuer.sign('dpo')}`).expect(200);
  });

  it.each([
    ['no token at all', async () => undefined, 'authentication.missing-token'],
    ['a header that is not a bearer token', async () => 'Basic ZHBvOmRwbw==', 'authentication.missing-token'],
    ['garbage', async () => 'Bearer not.a.jwt', 'authentication.malformed-token'],
    [
      'an expired token',
      async () => `Bearer ${await issuer.sign('dpo', 60, Math.floor(Date.now() / 1000) - 3600)}`,
      'authentication.expired-token',
    ],
    [
      'a token signed by another key (forged)',
      async () => `Bearer ${await forged({})}`,
      'authentication.bad-signature',
    ],
    [
      'a token for another audience',
      async () => `Bearer ${await forged({ aud: 'another-service' }, await ownKey())}`,
      'authentication.wrong-audience',
    ],
    [
      'a token from another issuer',
      async () => `Bearer ${await forged({ iss: 'https://evil.example' }, await ownKey())}`,
      'authentication.wrong-issuer',
    ],
    [
      'a token without iat (its lifetime unknowable)',
      async () => `Bearer ${await forged({ iat: null }, await ownKey())}`,
      'authentication.lifetime-unknown',
    ],
    [
      'a token without exp',
      async () => `Bearer ${await forged({ exp: null }, await ownKey())}`,
      'authentication.lifetime-unknown',
    ],
    [
      'a token living 8 hours and a minute',
      async () => `Bearer ${await forged({ exp: Math.floor(Date.now() / 1000) + 8 * 3600 + 60 }, await ownKey())}`,
      'authentication.lifetime-too-long',
    ],
    [
      'a token issued "in a year" for ten minutes, good for a year from now',
      async () => {
        const inAYear = Math.floor(Date.now() / 1000) + 365 * 24 * 3600;
        return `Bearer ${await forged({ iat: inAYear, exp: inAYear + 600 }, await ownKey())}`;
      },
      'authentication.lifetime-too-long',
    ],
    [
      'a token for nobody in the directory',
      async () => `Bearer ${await issuer.sign('mallory')}`,
      'authentication.unknown-user',
    ],
  ])('refuses %s with 401 naming the rule', async (_what, header, rule) => {
    const response = await call(await header()).expect(401);
    expect(response.body.rule).toBe(rule);
    expect(response.body.message).toEqual(expect.any(String));
  });

  it('refuses a deactivated user at once, whatever their token says', async () => {
    const admin = `Bearer ${await issuer.sign('admin')}`;
    const token = `Bearer ${await issuer.sign('practitioner.police')}`;
    await call(token).expect(200);
    await request(platform.http)
      .patch('/users/practitioner.police')
      .set('Authorization', admin)
      .send({ active: false })
      .expect(200);
    expect((await call(token).expect(401)).body.rule).toBe('authentication.unknown-user');
  });

  it('the local issuer signs 8 hours at most', async () => {
    await call(`Bearer ${await issuer.sign('dpo', 8 * 3600)}`).expect(200);
    await expect(issuer.sign('dpo', 8 * 3600 + 1)).rejects.toThrow('between 1 second and 8 hours');
  });

  /** The platform's own private key, read the way the issuer stores it, to forge claims it would not sign. */
  async function ownKey(): Promise<KeyLike> {
    const { readFileSync } = await import('node:fs');
    const { importJWK } = await import('jose');
    const jwk = JSON.parse(readFileSync(`${platform.runtime.config.dataDir}/keys/local-issuer.jwk.json`, 'utf8'));
    return (await importJWK(jwk, 'ES256')) as KeyLike;
  }
});
