import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Request } from 'express';
import type { Actor } from '@app/domain/shared';

export interface RequestContext {
  readonly actor: Actor;
  readonly requestId: string;
}

interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

/**
 * The request's id, fixed once (the log's middleware asks first, so every log line, the
 * access log and the events the request causes carry the same one).
 */
export const requestIdOf = (request: { id?: unknown; headers: IncomingHttpHeaders }): string => {
  const sent = request.headers['x-request-id'];
  return typeof request.id === 'string' ? request.id : typeof sent === 'string' ? sent : randomUUID();
};

/** The authenticated actor and the request id (the correlation id of what the request causes). */
export const Requester = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('Requester used on a route without authentication');
  return { actor: request.actor, requestId: requestIdOf(request) };
});
