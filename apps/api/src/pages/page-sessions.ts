import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Response } from 'express';
import { AuthenticationError } from '@app/access';
import { csrfTokenMatches, WebSessions } from '@app/access';
import type { PlatformConfig } from '@app/platform';
import type { AccessRequest } from '../access/access.guard';
import { CONFIG } from '../http/tokens';

/** Every page lives under one path, so the session cookie is never sent to the API's routes. */
export const PAGES_PATH = '/app';
export const SESSION_COOKIE = 'mast_session';
/** The field every form carries its session's CSRF token in. */
export const CSRF_FIELD = '_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The web pages' credential: a server-side session named by an httpOnly, SameSite cookie. */
@Injectable()
export class PageSessions {
  constructor(
    readonly sessions: WebSessions,
    @Inject(CONFIG) private readonly config: PlatformConfig,
  ) {}

  /** The user of the request's live session; a form must carry the session's CSRF token. */
  async userOf(request: AccessRequest): Promise<string> {
    const sessionId: unknown = request.cookies?.[SESSION_COOKIE];
    const session = typeof sessionId === 'string' && sessionId !== '' ? await this.sessions.resume(sessionId) : null;
    if (!session) throw new AuthenticationError('no-session');
    if (
      !SAFE_METHODS.has(request.method) &&
      !csrfTokenMatches(session, (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD])
    ) {
      throw new AuthenticationError('csrf-token');
    }
    request.webSession = session;
    return session.userId;
  }

  cookieOptions(path = PAGES_PATH): CookieOptions {
    // Lax, not Strict: the identity provider's redirect back is a cross-site navigation. Forms are guarded by their CSRF token.
    return { httpOnly: true, sameSite: 'lax', secure: this.config.web.secureCookies, path };
  }

  async signIn(response: Response, userId: string, displayName: string): Promise<void> {
    const { sessionId } = await this.sessions.open(userId, displayName);
    response.cookie(SESSION_COOKIE, sessionId, this.cookieOptions());
  }

  async signOut(request: AccessRequest, response: Response): Promise<void> {
    const sessionId: unknown = request.cookies?.[SESSION_COOKIE];
    if (typeof sessionId === 'string' && sessionId !== '') await this.sessions.end(sessionId);
    response.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }
}
