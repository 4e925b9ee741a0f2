import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * A minimal OpenID provider for the sign-in suite: discovery, an authorisation endpoint that
 * signs in the one user it is told to, and a token endpoint that checks the PKCE verifier
 * against the challenge (S256) before it issues an RS256 ID token (the OIDC default). Loopback only.
 */
export interface OpenIdProvider {
  readonly issuer: string;
  /** Who the next authorisation signs in. */
  signInAs(subject: string): void;
  /** Token requests refused, with why (a wrong verifier, an unknown code). */
  readonly refusals: string[];
  close(): Promise<void>;
}

export async function startOpenIdProvider(clientId: string): Promise<OpenIdProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; nonce: string; subject: string; redirectUri: string }>();
  const refusals: string[] = [];
  let subject = '';
  let issuer = '';
  const json = (res: import('node:http').ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['none'],
      });
    }
    if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== clientId || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge'))
        return json(res, 400, { error: 'invalid_request' });
      const code = randomBytes(16).toString('hex');
      codes.set(code, {
        challenge: q.get('code_challenge')!,
        nonce: q.get('nonce') ?? '',
        subject,
        redirectUri: q.get('redirect_uri')!,
      });
      res
        .writeHead(302, {
          location: `${q.get('redirect_uri')}?code=${code}&state=${encodeURIComponent(q.get('state') ?? '')}&iss=${encodeURIComponent(issuer)}`,
        })
        .end();
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', async () => {
        const form = new URLSearchParams(raw);
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const why = !grant
          ? 'unknown code'
          : createHash('sha256').update(verifier).digest('base64url') !== grant.challenge
            ? 'wrong code verifier'
            : grant.redirectUri !== form.get('redirect_uri')
              ? 'wrong redirect uri'
              : null;
        if (why || !grant) {
          refusals.push(why ?? 'unknown code');
          return json(res, 400, { error: 'invalid_grant', error_description: why });
        }
        const now = Math.floor(Date.now() / 1000);
        const idToken = await new SignJWT({ nonce: grant.nonce })
          .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
          .setIssuer(issuer)
          .setAudience(clientId)
          .setSubject(grant.subject)
          .setIssuedAt(now)
          .setExpirationTime(now + 300)
          .sign(privateKey);
        json(res, 200, {
          access_token: randomBytes(16).toString('hex'),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken,
        });
      });
      return;
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    refusals,
    signInAs: (s) => (subject = s),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
