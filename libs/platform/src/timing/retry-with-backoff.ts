import { setTimeout as sleep } from 'node:timers/promises';

export interface BackoffOptions {
  /** The wait after the first failure; each further one doubles, up to `maxMs`. */
  readonly initialMs: number;
  readonly maxMs: number;
}

export interface RetryOptions extends BackoffOptions {
  /** Whether to try again after this failure (default: always); no rethrows the error. */
  readonly retryIf?: (error: unknown, attempt: number) => boolean;
  /** Told of each failure that will be retried, before the wait: logs, metrics, heartbeats. */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => unknown;
  /** How to wait (default: a timer); an idle loop passes its wakeable wait so a shutdown cuts the wait short. */
  readonly wait?: (ms: number) => Promise<void>;
}

/** The wait after failed attempt number `attempt` (from 1): `initialMs`, doubling, at most `maxMs`. */
export const backoffDelay = (attempt: number, { initialMs, maxMs }: BackoffOptions): number =>
  Math.min(initialMs * 2 ** Math.min(Math.max(attempt, 1) - 1, 30), maxMs);

/** Runs `operation` until it succeeds or `retryIf` says no, waiting `backoffDelay` after each failure. */
export const retryWithBackoff = async <T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (options.retryIf && !options.retryIf(error, attempt)) throw error;
      const delayMs = backoffDelay(attempt, options);
      await options.onRetry?.(error, attempt, delayMs);
      await (options.wait ?? sleep)(delayMs);
    }
  }
};
