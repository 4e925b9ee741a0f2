import { Body, Controller, Get, Post, Redirect, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { FAMILY_ROLES } from '@app/access';
import { pagePolicies } from '@app/access';
import type { AccessRequest } from '../access/access.guard';
import { Policy, Public } from '../access/policy.decorator';
import { FAMILY_HOME } from './navigation';
import { Page } from './page.decorator';
import { PageSessions, PAGES_PATH } from './page-sessions';
import { safeNext } from './sign-in.controller';

/** The start page, signing out and keeping the session. */
@Page()
@Controller(PAGES_PATH.slice(1))
export class SessionController {
  constructor(private readonly sessions: PageSessions) {}

  /** Each audience's home (DESIGN §8): a family account's is its own record, not a list of work. */
  @Get()
  @Policy(pagePolicies.signedIn)
  home(@Req() req: AccessRequest, @Res() res: Response) {
    if (req.actor && FAMILY_ROLES.includes(req.actor.role)) return res.redirect(303, FAMILY_HOME);
    return res.render('home', { title: 'Your work' });
  }

  @Post('sign-out')
  @Policy(pagePolicies.signedIn)
  async signOut(@Req() req: AccessRequest, @Res() res: Response) {
    await this.sessions.signOut(req, res);
    res.redirect(303, `${PAGES_PATH}/sign-in?ended=signed-out`);
  }

  /** "Stay signed in": the guard has already moved the session's end on; back to the page the user was on. */
  @Post('session/extend')
  @Policy(pagePolicies.signedIn)
  extend(@Body('returnTo') returnTo: unknown, @Res() res: Response) {
    res.redirect(303, safeNext(returnTo));
  }
}

/** The service's front door is its start page. */
@Controller()
export class FrontDoorController {
  @Get()
  @Public()
  @Redirect(PAGES_PATH, 303)
  frontDoor() {}
}
