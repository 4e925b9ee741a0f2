import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@app/domain/shared';
import { requestIdOf } from './request-id';

export interface RequestContext {
  readonly actor: Actor;
  readonly requestId: string;
}

interface AuthenticatedRequest extends Request {
  id?: string;
  actor?: Actor;
}

/** The authenticated actor and the request id (the correlation id of what the request causes). */
export const Requester = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('Requester used on a route without authentication');
  return { actor: request.actor, requestId: requestIdOf(request) };
});
