import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import type { AccessRequest } from '../access/access.guard';
import { navigationFor } from './navigation';

/** Warn this long before the session ends (WCAG 2.2.1: at least 20 seconds to act). */
export const SESSION_WARNING_SECONDS = 120;

const timeOfDay = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** What the layout shows around every page: who is signed in, their navigation, when the session ends. */
export function pageLocals(request: AccessRequest) {
  const session = request.webSession;
  const actor = request.actor;
  if (!session || !actor) return { signedIn: false, currentPath: request.path };
  return {
    signedIn: true,
    currentPath: request.path,
    user: { userId: actor.userId, displayName: session.displayName, role: actor.role, agencyId: actor.agencyId },
    navigation: navigationFor(actor),
    csrfToken: session.csrfToken,
    session: {
      endsAt: timeOfDay.format(session.expiresAt),
      // Relative to when this request found the session, so neither the browser's clock nor the server's is compared.
      secondsLeft: Math.max(0, Math.round((session.expiresAt.getTime() - session.resumedAt.getTime()) / 1000)),
      warningSeconds: SESSION_WARNING_SECONDS,
    },
  };
}

/** Puts the layout's locals on every page's response before its handler runs. */
@Injectable()
export class PageLocals implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    http.getResponse<Response>().locals.page = pageLocals(http.getRequest<AccessRequest>());
    return next.handle();
  }
}
