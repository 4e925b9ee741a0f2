import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { Actor } from '@app/domain';
import type { PlatformConfig } from '@app/platform';
import { CONFIG } from '../http/tokens';
import { SlidingWindowCounts } from './sliding-window-counts';

type LimitedRequest = Request & { actor?: Actor };

/**
 * Two budgets per window (RATE_LIMIT_*): one per client address, counted before the token
 * is looked at, so a flood of bad tokens is cut off too; one per user, counted once the
 * guard knows who it is, so one account cannot starve a whole school behind one address.
 * Every route draws on the same budget.
 */
export const requestLimits = ThrottlerModule.forRootAsync({
  inject: [CONFIG],
  useFactory: ({ rateLimit }: PlatformConfig) => ({
    setHeaders: false,
    storage: new SlidingWindowCounts(),
    throttlers: [
      { name: 'address', ttl: rateLimit.windowSeconds * 1000, limit: rateLimit.perAddress },
      {
        name: 'user',
        ttl: rateLimit.windowSeconds * 1000,
        limit: rateLimit.perUser,
        getTracker: (req: { actor?: Actor }) => req.actor?.userId ?? '',
      },
    ],
    generateKey: (_context: ExecutionContext, tracker: string, throttler: string) => `${throttler}:${tracker}`,
  }),
});

/** 429 with Retry-After in seconds, in the body shape of every other refusal. */
abstract class RequestLimit extends ThrottlerGuard {
  protected abstract readonly budget: 'address' | 'user';

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    if (props.throttler.name !== this.budget) return true;
    if (this.budget === 'user' && !props.context.switchToHttp().getRequest<LimitedRequest>().actor) return true;
    return super.handleRequest(props);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(detail.timeToBlockExpire));
    throw new HttpException(
      {
        error: 'Too Many Requests',
        rule: `rate-limit.${this.budget}`,
        message: `More than ${detail.limit} requests from this ${this.budget} in ${detail.ttl / 1000} seconds: try again in ${detail.timeToBlockExpire} seconds`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** Runs before the access guard. */
@Injectable()
export class AddressLimit extends RequestLimit {
  protected readonly budget = 'address';
}

/** Runs after the access guard: the actor is known (public routes have none and are not counted). */
@Injectable()
export class UserLimit extends RequestLimit {
  protected readonly budget = 'user';
}
