export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

const MINUTE_MS = 60_000;
/** Past this many keys, keys whose bucket has refilled are forgotten (they hold nothing a new bucket would not). */
const DEFAULT_MAX_KEYS = 50_000;

/**
 * A token bucket per key: `limit` tokens, refilled continuously at `limit` per minute. A key may spend its `limit` in
 * a burst and `limit` per minute sustained; a cheap request costs 1, an expensive one more (`take(key, cost)`).
 * Buckets live in this process: with several instances behind a balancer, each enforces its own.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    readonly limit: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {
    this.perMs = limit / MINUTE_MS;
  }

  /** Spends `cost` tokens of `key`'s bucket when it holds them; otherwise says when it will. */
  take(key: string, cost = 1): RateDecision {
    const decision = this.check(key, cost);
    if (decision.allowed) this.bucket(key).tokens -= Math.min(cost, this.limit);
    return decision;
  }

  /** Whether `key` could spend `cost` now, spending nothing. */
  check(key: string, cost = 1): RateDecision {
    const { tokens } = this.bucket(key);
    // A cost above the whole bucket could never pass: it takes the whole bucket instead.
    const missing = Math.min(cost, this.limit) - tokens;
    if (missing <= 0) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / this.perMs / 1000)) };
  }

  private bucket(key: string): { tokens: number; at: number } {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.forgetFull(now);
      bucket = { tokens: this.limit, at: now };
      this.buckets.set(key, bucket);
    } else if (now > bucket.at) {
      bucket.tokens = Math.min(this.limit, bucket.tokens + (now - bucket.at) * this.perMs);
      bucket.at = now;
    }
    return bucket;
  }

  /**
   * Forgets the keys whose bucket has refilled, then, if that freed too little, the oldest keys until a tenth of the
   * room is free: a flood of new keys (addresses) pays one scan per tenth of the capacity, not one per request.
   */
  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.limit) this.buckets.delete(key);
    }
    const target = Math.floor(this.maxKeys * 0.9);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= target) break;
      this.buckets.delete(key);
    }
  }
}

/** The limits the API key guard applies, each per process. */
export class RateLimits {
  constructor(
    /** Units per API key. */
    readonly perKey: RateLimiter,
    /** Failed authentications per client address. */
    readonly authFailures: RateLimiter,
    /** Requests per client address to routes that need no key. */
    readonly publicRoutes: RateLimiter,
  ) {}

  static of(http: {
    readonly rateLimitPerMinute: number;
    readonly authFailuresPerMinute: number;
    readonly publicRateLimitPerMinute: number;
  }): RateLimits {
    return new RateLimits(
      new RateLimiter(http.rateLimitPerMinute),
      new RateLimiter(http.authFailuresPerMinute),
      new RateLimiter(http.publicRateLimitPerMinute),
    );
  }
}
