const WINDOW_MS = 60_000;

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * At most `limit` requests per key in any rolling minute: each key keeps the times of its last `limit` requests
 * in a ring, so a request is allowed when the oldest of them is more than a minute old.
 */
export class RateLimiter {
  private readonly rings = new Map<string, { times: Float64Array; next: number }>();

  constructor(
    readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    let ring = this.rings.get(key);
    if (!ring) {
      ring = { times: new Float64Array(this.limit).fill(-Infinity), next: 0 };
      this.rings.set(key, ring);
    }
    const oldest = ring.times[ring.next]!;
    if (now - oldest < WINDOW_MS) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)) };
    }
    ring.times[ring.next] = now;
    ring.next = (ring.next + 1) % this.limit;
    return { allowed: true };
  }
}
