import { describe, expect, it } from '@jest/globals';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows `limit` requests in any rolling minute per key, then says when to retry', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    now += 20_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 40_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a').allowed)).toEqual([true, true, true, false]);
  });

  it('never lets a burst straddle two windows past the limit', () => {
    let now = 0;
    const limiter = new RateLimiter(10, () => now);
    let allowed = 0;
    for (let step = 0; step < 1_200; step++, now += 100) if (limiter.take('k').allowed) allowed++;
    // 120 s of requests every 100 ms: at most 10 per rolling minute.
    expect(allowed).toBe(20);
  });
});
