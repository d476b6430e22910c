import { describe, expect, it } from '@jest/globals';
import { backoffDelay, retryWithBackoff } from './retry-with-backoff.js';

const noWait = (): Promise<void> => Promise.resolve();

describe('retryWithBackoff', () => {
  it('waits initialMs, doubling after each failure, never more than maxMs', () => {
    const options = { initialMs: 100, maxMs: 1_000 };
    expect([1, 2, 3, 4, 5, 50].map((attempt) => backoffDelay(attempt, options))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });

  it('retries until the operation succeeds, telling of each failure with its wait', async () => {
    const retries: [number, number][] = [];
    const result = await retryWithBackoff(
      async (attempt) => {
        if (attempt < 3) throw new Error(`failure ${attempt}`);
        return attempt;
      },
      {
        initialMs: 10,
        maxMs: 100,
        wait: noWait,
        onRetry: (_error, attempt, delayMs) => retries.push([attempt, delayMs]),
      },
    );
    expect(result).toBe(3);
    expect(retries).toEqual([
      [1, 10],
      [2, 20],
    ]);
  });

  it('rethrows the failure retryIf refuses', async () => {
    await expect(
      retryWithBackoff((attempt) => Promise.reject(new Error(`failure ${attempt}`)), {
        initialMs: 10,
        maxMs: 100,
        wait: noWait,
        retryIf: (_error, attempt) => attempt < 2,
      }),
    ).rejects.toThrow('failure 2');
  });
});
