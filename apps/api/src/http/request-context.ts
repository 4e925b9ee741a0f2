import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@app/domain';
import { requestIdOf } from './request-id';

export interface RequestContext {
  readonly actor: Actor;
  readonly requestId: string;
}

interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

/**
 * The route pattern that answered (`/children/:childId`, never the id), or `unmatched`: the
 * catch-all the middleware and the 404 answer hang on counts as none, so a client probing
 * random paths can grow neither the metrics' labels nor the log with what it sent.
 */
export const routePatternOf = (request: object): string => {
  const path = (request as { route?: { path?: unknown } }).route?.path;
  return typeof path === 'string' && path !== '/{*path}' ? path : 'unmatched';
};

/** The authenticated actor and the request id (the correlation id of what the request causes). */
export const Requester = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('Requester used on a route without authentication');
  return { actor: request.actor, requestId: requestIdOf(request) };
});
