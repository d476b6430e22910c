import { describe, expect, it } from '@jest/globals';
import { correlationIdFrom, currentCorrelationId, withCorrelationId } from './correlation.js';

describe('correlation ids', () => {
  it("keeps a caller's sane id and replaces anything else", () => {
    expect(correlationIdFrom('req-42')).toBe('req-42');
    expect(correlationIdFrom(['first', 'second'])).toBe('first');
    expect(correlationIdFrom('bad id\n{"level":"fatal"}')).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdFrom('x'.repeat(129))).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('follows async work and ends with it', async () => {
    expect(currentCorrelationId()).toBeUndefined();
    const seen = await withCorrelationId('c-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return currentCorrelationId();
    });
    expect(seen).toBe('c-1');
    expect(currentCorrelationId()).toBeUndefined();
  });
});
