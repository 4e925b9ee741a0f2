import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { type BaseClient, generators, Issuer } from 'openid-client';
import type { PlatformConfig } from '@app/platform';
import { CONFIG } from '../http/tokens';

/** What the browser carries between leaving for the identity provider and coming back. */
export interface PendingSignIn {
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly next: string;
}

/**
 * The OpenID Connect authorisation-code flow with PKCE, by openid-client (ADR 018): the
 * pages' client of OIDC_ISSUER. The provider is discovered once, at the first sign-in.
 */
@Injectable()
export class OidcSignIn {
  private client: Promise<BaseClient> | null = null;

  constructor(@Inject(CONFIG) private readonly config: PlatformConfig) {}

  get configured(): boolean {
    return this.config.oidc !== undefined && this.config.web.oidcClient !== undefined;
  }

  async start(next: string): Promise<{ readonly url: string; readonly pending: PendingSignIn }> {
    const client = await this.clientOf();
    const pending = {
      codeVerifier: generators.codeVerifier(),
      state: generators.state(),
      nonce: generators.nonce(),
      next,
    };
    const url = client.authorizationUrl({
      scope: 'openid profile',
      code_challenge: generators.codeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /** The signed-in subject: the ID token checked (issuer, audience, nonce, signature) and the code exchanged with its verifier. */
  async finish(request: Request, pending: PendingSignIn): Promise<string> {
    const client = await this.clientOf();
    const tokens = await client.callback(this.config.web.oidcClient!.redirectUrl, client.callbackParams(request), {
      code_verifier: pending.codeVerifier,
      state: pending.state,
      nonce: pending.nonce,
    });
    return tokens.claims().sub;
  }

  private clientOf(): Promise<BaseClient> {
    const { oidc, web } = this.config;
    if (!oidc || !web.oidcClient) throw new Error('OIDC sign-in is not configured (OIDC_ISSUER and OIDC_CLIENT_ID)');
    const { clientId, clientSecret, redirectUrl } = web.oidcClient;
    this.client ??= Issuer.discover(oidc.issuer).then(
      (issuer) =>
        new issuer.Client({
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [redirectUrl],
          response_types: ['code'],
          token_endpoint_auth_method: clientSecret ? 'client_secret_basic' : 'none',
        }),
    );
    // A provider that was down at the first attempt is asked again at the next.
    this.client.catch(() => (this.client = null));
    return this.client;
  }
}
