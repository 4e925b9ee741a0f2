import { SlidingWindowCounts } from './sliding-window-counts';

const minute = 60_000;

describe('request budgets counted in sliding windows', () => {
  let now: number;
  let counts: SlidingWindowCounts;
  const hit = (key = 'address:203.0.113.7', limit = 3) => counts.increment(key, minute, limit, minute);

  beforeEach(() => {
    now = 100 * minute;
    counts = new SlidingWindowCounts(() => now);
  });

  it('serves the budget, refuses the next request for the block and says when to come back', async () => {
    for (let i = 1; i <= 3; i += 1) expect(await hit()).toMatchObject({ totalHits: i, isBlocked: false });
    now += 1_500;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    now += 30_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
  });

  it('starts afresh once the block has passed', async () => {
    for (let i = 0; i < 4; i += 1) await hit();
    now += minute;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('counts each key on its own', async () => {
    for (let i = 0; i < 4; i += 1) await hit('user:dpo');
    expect(await hit('user:admin')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('still counts the hits of the window before, weighed by how much of it the window covers', async () => {
    now = 101 * minute - 1_000;
    for (let i = 0; i < 3; i += 1) await hit();
    now = 101 * minute + 1_000;
    expect(await hit()).toMatchObject({ isBlocked: true });
  });

  it('lets the earlier window fade: half-way through the next, half its hits still count', async () => {
    now = 101 * minute - 1;
    for (let i = 0; i < 4; i += 1) await hit('address:203.0.113.8', 4);
    now = 101 * minute + minute / 2;
    expect(await hit('address:203.0.113.8', 4)).toMatchObject({ totalHits: 3, isBlocked: false });
    expect(await hit('address:203.0.113.8', 4)).toMatchObject({ totalHits: 4, isBlocked: false });
    expect(await hit('address:203.0.113.8', 4)).toMatchObject({ isBlocked: true });
  });

  it('forgets keys idle for two windows, and keeps one still refused', async () => {
    await hit('address:idle');
    for (let i = 0; i < 4; i += 1) await hit('address:blocked', 3);
    await counts.increment('address:long-block', minute, 1, 10 * minute);
    await counts.increment('address:long-block', minute, 1, 10 * minute);
    now += 3 * minute;
    await hit('address:active');
    expect(counts.size).toBe(2);
  });
});
