import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import request from 'supertest';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** Production identity: tokens verified against the issuer's published keys (JWKS), on loopback. */
describe('authentication with an OIDC issuer', () => {
  let platform: PlatformUnderTest;
  let jwks: Server;
  let issuerKey: KeyLike;
  const issuer = 'https://login.example-council.gov.uk';
  const audience = 'mast-platform-production';

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    issuerKey = privateKey;
    const published = { keys: [{ ...(await exportJWK(publicKey)), kid: 'council-1', alg: 'RS256', use: 'sig' }] };
    jwks = createServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(published));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    platform = await startPlatform('oidc', {
      TOKEN_MAX_LIFETIME_SECONDS: '3600',
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: audience,
      OIDC_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
    });
    // No demo directory in OIDC mode: the council's users are added by an administrator.
    await platform.db.pool.query(
      `INSERT INTO access.agencies (agency_id, name, kind) VALUES ('platform', 'Platform', 'mast')`,
    );
    await platform.db.pool.query(
      `INSERT INTO access.users (user_id, display_name, role, agency_id) VALUES ('dpo@council', 'DPO', 'dpo', 'platform')`,
    );
  });
  afterAll(async () => {
    await platform.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const token = (
    claims: { iss?: string; aud?: string; sub?: string; alg?: string; lifetime?: string | null },
    key: KeyLike = issuerKey,
  ) => {
    const jwt = new SignJWT({})
      .setProtectedHeader({ alg: claims.alg ?? 'RS256', kid: 'council-1' })
      .setSubject(claims.sub ?? 'dpo@council')
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? audience)
      .setExpirationTime(claims.lifetime ?? '10m');
    return (claims.lifetime === null ? jwt : jwt.setIssuedAt()).sign(key);
  };
  const call = async (bearer: string) =>
    request(platform.http).get('/audit/verify').set('Authorization', `Bearer ${bearer}`);

  it('accepts a token the issuer signed, for a user in the directory', async () => {
    expect((await call(await token({}))).status).toBe(200);
  });

  it('does not seed demo users or trust the local issuer when OIDC is configured', async () => {
    const { rows } = await platform.db.pool.query(`SELECT count(*)::int AS n FROM access.users`);
    expect(rows[0].n).toBe(1);
    expect((await call(await platform.tokenFor('dpo@council'))).body.rule).toBe('authentication.bad-signature');
  });

  it.each([
    ['another key', async () => token({}, (await generateKeyPair('RS256')).privateKey), 'authentication.bad-signature'],
    ['another audience', () => token({ aud: 'someone-else' }), 'authentication.wrong-audience'],
    ['another issuer', () => token({ iss: 'https://login.elsewhere.example' }), 'authentication.wrong-issuer'],
    ['a user the directory does not know', () => token({ sub: 'stranger@council' }), 'authentication.unknown-user'],
    [
      'a lifetime above TOKEN_MAX_LIFETIME_SECONDS (2 hours against 1)',
      () => token({ lifetime: '2h' }),
      'authentication.lifetime-too-long',
    ],
    ['no iat, so no knowable lifetime', () => token({ lifetime: null }), 'authentication.lifetime-unknown'],
  ])('refuses a token signed with %s', async (_what, make, rule) => {
    const response = await call(await make());
    expect(response.status).toBe(401);
    expect(response.body.rule).toBe(rule);
  });
});
