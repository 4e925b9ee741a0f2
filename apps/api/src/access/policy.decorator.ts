import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Policy as AccessPolicy } from '@app/access';

export const POLICY = Symbol('policy');
export const PUBLIC = Symbol('public');

/** The one rule that decides this endpoint. An endpoint without one is refused to everyone. */
export const Policy = (policy: AccessPolicy) => SetMetadata(POLICY, policy);

/** The view the endpoint's policy chose for this requester's audience: the handler answers in that shape. */
export const PolicyView = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined =>
    context.switchToHttp().getRequest<{ access?: { view?: string } }>().access?.view,
);

/** Open without a token (health checks only). */
export const Public = () => SetMetadata(PUBLIC, true);
