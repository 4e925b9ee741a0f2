import { Body, Controller, Get, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { Directory } from '@app/access';
import type { PlatformConfig } from '@app/platform';
import { Public } from '../access/policy.decorator';
import { CONFIG } from '../http/tokens';
import { OidcSignIn, type PendingSignIn } from './oidc-sign-in';
import { Page } from './page.decorator';
import { CSRF_FIELD, PageSessions, PAGES_PATH } from './page-sessions';

const SIGN_IN_PATH = `${PAGES_PATH}/sign-in`;
/** Before there is a session, the sign-in form's CSRF token is a cookie it must match (double submit). */
const SIGN_IN_CSRF_COOKIE = 'mast_sign_in';
const OIDC_COOKIE = 'mast_oidc';
const logger = new Logger('SignIn');

/** Only a path of this service: a `next` pointing elsewhere would make sign-in an open redirect. */
export const safeNext = (next: unknown): string =>
  typeof next === 'string' &&
  (next === PAGES_PATH || next.startsWith(`${PAGES_PATH}/`)) &&
  !next.startsWith(`${SIGN_IN_PATH}`) &&
  !/[\\\r\n]/.test(next)
    ? next
    : PAGES_PATH;

const matches = (a: unknown, b: unknown) =>
  typeof a === 'string' &&
  typeof b === 'string' &&
  a.length === b.length &&
  a.length > 0 &&
  timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Signing in to the pages. Embedded default: pick a seeded user (the platform is its own
 * identity provider, as `npm run token` is). With OIDC_ISSUER: the provider's
 * authorisation-code flow with PKCE, and the picker is gone.
 */
@Page()
@Controller(SIGN_IN_PATH.slice(1))
export class SignInController {
  constructor(
    private readonly directory: Directory,
    private readonly sessions: PageSessions,
    private readonly oidc: OidcSignIn,
    @Inject(CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Get()
  @Public()
  async page(@Query('next') next: unknown, @Query('ended') ended: unknown, @Res() res: Response) {
    res.render('sign-in', {
      ...(await this.model(res, next)),
      ended: ended === 'timeout' ? 'timeout' : ended === 'signed-out' ? 'signed-out' : null,
    });
  }

  @Post()
  @Public()
  async signIn(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    if (this.config.oidc)
      return res.status(404).render('errors/error', {
        status: 404,
        title: 'Page not found',
        paragraphs: ['Sign in with your organisation account.'],
      });
    if (!matches(body[CSRF_FIELD], req.cookies?.[SIGN_IN_CSRF_COOKIE])) {
      return res.status(403).render('errors/error', {
        status: 403,
        title: 'Your form could not be sent',
        paragraphs: [
          'The sign-in form was old or did not come from this service. Go back, reload the page and try again.',
        ],
        reload: SIGN_IN_PATH,
      });
    }
    const user = typeof body.userId === 'string' ? await this.directory.user(body.userId) : null;
    if (!user || !user.active) {
      const errors = [{ text: 'Select who you are signing in as', href: '#userId', field: 'userId' }];
      return res
        .status(400)
        .render('sign-in', { ...(await this.model(res, body.next)), errors, errorFor: { userId: errors[0].text } });
    }
    res.clearCookie(SIGN_IN_CSRF_COOKIE, this.sessions.cookieOptions(SIGN_IN_PATH));
    await this.sessions.signIn(res, user.userId, user.displayName);
    return res.redirect(303, safeNext(body.next));
  }

  @Get('oidc')
  @Public()
  async startOidc(@Query('next') next: unknown, @Res() res: Response) {
    if (!this.oidc.configured) return res.redirect(303, SIGN_IN_PATH);
    const { url, pending } = await this.oidc.start(safeNext(next));
    res.cookie(OIDC_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
      ...this.sessions.cookieOptions(SIGN_IN_PATH),
      maxAge: 10 * 60 * 1000,
    });
    return res.redirect(303, url);
  }

  @Get('callback')
  @Public()
  async finishOidc(@Req() req: Request, @Res() res: Response) {
    const pending = pendingOf(req.cookies?.[OIDC_COOKIE]);
    res.clearCookie(OIDC_COOKIE, this.sessions.cookieOptions(SIGN_IN_PATH));
    const subject =
      pending && this.oidc.configured
        ? await this.oidc.finish(req, pending).catch((error: Error) => {
            // The provider's or the flow's failure (state, nonce, verifier, signature): said in the log, never on the page.
            logger.warn(`OIDC sign-in did not complete: ${error.message}`);
            return null;
          })
        : null;
    const user = subject ? await this.directory.user(subject) : null;
    if (!pending || !user || !user.active) {
      return res.status(403).render('errors/error', {
        status: 403,
        title: 'You could not be signed in',
        paragraphs: [
          subject
            ? "Your account is not in this service's directory, or it has been deactivated: ask your administrator."
            : 'The sign-in did not complete. Try again.',
        ],
        reload: SIGN_IN_PATH,
      });
    }
    await this.sessions.signIn(res, user.userId, user.displayName);
    return res.redirect(303, pending.next);
  }

  private async model(res: Response, next: unknown) {
    if (this.config.oidc) return { title: 'Sign in', oidc: { configured: this.oidc.configured }, next: safeNext(next) };
    const csrf = randomBytes(24).toString('base64url');
    res.cookie(SIGN_IN_CSRF_COOKIE, csrf, { ...this.sessions.cookieOptions(SIGN_IN_PATH), sameSite: 'strict' });
    const [users, agencies] = await Promise.all([this.directory.users(), this.directory.agencies()]);
    const names = new Map(agencies.map((a) => [a.agencyId, a.name]));
    const byAgency = new Map<string, Array<{ userId: string; displayName: string; role: string }>>();
    for (const user of users.filter((u) => u.active)) {
      byAgency.set(user.agencyId, [
        ...(byAgency.get(user.agencyId) ?? []),
        { userId: user.userId, displayName: user.displayName, role: user.role },
      ]);
    }
    return {
      title: 'Sign in',
      signInCsrf: csrf,
      next: safeNext(next),
      agencies: [...byAgency].map(([agencyId, members]) => ({
        agencyId,
        name: names.get(agencyId) ?? agencyId,
        users: members,
      })),
    };
  }
}

function pendingOf(cookie: unknown): PendingSignIn | null {
  if (typeof cookie !== 'string') return null;
  try {
    const value = JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')) as Partial<PendingSignIn>;
    return typeof value.codeVerifier === 'string' && typeof value.state === 'string' && typeof value.nonce === 'string'
      ? { codeVerifier: value.codeVerifier, state: value.state, nonce: value.nonce, next: safeNext(value.next) }
      : null;
  } catch {
    return null;
  }
}
