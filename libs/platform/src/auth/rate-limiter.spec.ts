import { describe, expect, it } from '@jest/globals';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows a burst of `limit`, then refills at `limit` per minute and says when to retry', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 20_000;
    expect([1, 2].map(() => limiter.take('a').allowed)).toEqual([true, false]);
    now += 60_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a').allowed)).toEqual([true, true, true, false]);
  });

  it('holds a steady stream to `limit` per minute', () => {
    let now = 0;
    const limiter = new RateLimiter(10, () => now);
    let allowed = 0;
    for (let step = 0; step < 1_200; step++, now += 100) if (limiter.take('k').allowed) allowed++;
    // 120 s of requests every 100 ms: the first burst of 10, then one every 6 s (the 20th refill lands at 120 s).
    expect(allowed).toBe(29);
  });

  it('charges expensive requests their cost', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    expect(limiter.take('k', 50).allowed).toBe(true);
    expect(limiter.take('k', 20)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.take('k', 10).allowed).toBe(true);
    now += 60_000;
    // A cost above the bucket takes the whole bucket rather than never passing.
    expect([limiter.take('k', 500).allowed, limiter.take('k', 1).allowed]).toEqual([true, false]);
  });

  it('checks without spending', () => {
    const limiter = new RateLimiter(1, () => 0);
    expect([limiter.check('k').allowed, limiter.check('k').allowed, limiter.take('k').allowed]).toEqual([
      true,
      true,
      true,
    ]);
    expect(limiter.check('k').allowed).toBe(false);
  });

  it('forgets refilled keys once it holds too many, and keeps the ones still spending', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now, 3);
    limiter.take('spent', 2);
    limiter.take('idle-1');
    limiter.take('idle-2');
    now += 30_000;
    limiter.take('new');
    expect(limiter.check('spent', 2)).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('makes room among keys that are all still spending by forgetting the oldest', () => {
    const limiter = new RateLimiter(1, () => 0, 10);
    for (let key = 0; key < 10; key++) limiter.take(`k${key}`);
    limiter.take('new');
    expect([limiter.check('k0').allowed, limiter.check('k9').allowed, limiter.check('new').allowed]).toEqual([
      true,
      false,
      false,
    ]);
  });
});
