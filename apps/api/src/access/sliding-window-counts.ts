import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Budget {
  /** Which window of `ttl` milliseconds since the epoch `current` counts. */
  window: number;
  current: number;
  previous: number;
  blockedUntil: number;
}

/**
 * The request budgets' counts, two numbers a key: the hits of this window and of the one
 * before, the earlier one weighed by how much of it the sliding window still covers. The
 * throttler's own in-memory store keeps one expiry per hit and filters them all on every
 * request: at one address's full budget (6,000 a minute) that was a fifth of a read's CPU
 * (ADR 031). Same answers otherwise: over the limit, the key is refused for `blockDuration`
 * and then starts afresh.
 */
export class SlidingWindowCounts implements ThrottlerStorage {
  private readonly budgets = new Map<string, Budget>();
  private lastSweep: number;

  constructor(private readonly now: () => number = Date.now) {
    this.lastSweep = now();
  }

  /** Keys held (the sweep drops those idle for two windows). */
  get size(): number {
    return this.budgets.size;
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    this.sweep(now, ttl);
    const window = Math.floor(now / ttl);
    const budget = this.budgetOf(key, window, now);
    const timeToExpire = Math.ceil(((window + 1) * ttl - now) / 1000);
    if (budget.blockedUntil > now) return Promise.resolve(refused(budget, now, limit, timeToExpire));
    const stillCovered = 1 - (now - window * ttl) / ttl;
    const hits = budget.previous * stillCovered + budget.current + 1;
    if (hits > limit) {
      budget.blockedUntil = now + blockDuration;
      return Promise.resolve(refused(budget, now, limit, timeToExpire));
    }
    budget.current += 1;
    return Promise.resolve({ totalHits: Math.ceil(hits), timeToExpire, isBlocked: false, timeToBlockExpire: 0 });
  }

  private budgetOf(key: string, window: number, now: number): Budget {
    const budget = this.budgets.get(key);
    if (!budget || (budget.blockedUntil !== 0 && budget.blockedUntil <= now)) {
      const fresh = { window, current: 0, previous: 0, blockedUntil: 0 };
      this.budgets.set(key, fresh);
      return fresh;
    }
    if (budget.window !== window) {
      budget.previous = budget.window === window - 1 ? budget.current : 0;
      budget.current = 0;
      budget.window = window;
    }
    return budget;
  }

  /** At most once a window: forget keys neither counted nor refused in the last two. */
  private sweep(now: number, ttl: number): void {
    if (now - this.lastSweep < ttl) return;
    this.lastSweep = now;
    const window = Math.floor(now / ttl);
    for (const [key, budget] of this.budgets)
      if (budget.window < window - 1 && budget.blockedUntil <= now) this.budgets.delete(key);
  }
}

const refused = (budget: Budget, now: number, limit: number, timeToExpire: number): ThrottlerStorageRecord => ({
  totalHits: limit + 1,
  timeToExpire,
  isBlocked: true,
  timeToBlockExpire: Math.ceil((budget.blockedUntil - now) / 1000),
});
