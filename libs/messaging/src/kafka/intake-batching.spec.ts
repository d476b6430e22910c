import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { chunksOf, isolateFailure } from './intake-batching.js';

describe('chunksOf', () => {
  it('cuts runs of the given size, the last one shorter', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('gives no chunk for no items', () => {
    expect(chunksOf([], 3)).toEqual([]);
  });

  it('treats a size below one as one, so it always progresses', () => {
    expect(chunksOf(['a', 'b'], 0)).toEqual([['a'], ['b']]);
  });

  it('keeps every item once, in order, in chunks no larger than the size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 50 }), (items, size) => {
        const chunks = chunksOf(items, size);
        expect(chunks.flat()).toEqual(items);
        expect(chunks.every((chunk) => chunk.length >= 1 && chunk.length <= size)).toBe(true);
      }),
    );
  });
});

describe('isolateFailure', () => {
  it('splits around the event whose handler failed', () => {
    expect(isolateFailure(['a', 'b', 'c', 'd'], 2)).toEqual({
      kind: 'split',
      before: ['a', 'b'],
      suspect: 'c',
      after: ['d'],
    });
  });

  it('suspects the first event with nothing before it', () => {
    expect(isolateFailure(['a', 'b'], 0)).toEqual({ kind: 'split', before: [], suspect: 'a', after: ['b'] });
  });

  it('suspects the last event with nothing after it', () => {
    expect(isolateFailure(['a', 'b'], 1)).toEqual({ kind: 'split', before: ['a'], suspect: 'b', after: [] });
  });

  it('runs every event alone when no handler failed (the claim or the commit did)', () => {
    expect(isolateFailure(['a', 'b'], undefined)).toEqual({ kind: 'each-alone', events: ['a', 'b'] });
  });

  it('runs every event alone when the index is outside the chunk', () => {
    expect(isolateFailure(['a'], 3)).toEqual({ kind: 'each-alone', events: ['a'] });
    expect(isolateFailure(['a'], -1)).toEqual({ kind: 'each-alone', events: ['a'] });
  });

  it('accounts for every event exactly once, whatever the failing index', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1 }), fc.nat(), (events, at) => {
        const plan = isolateFailure(events, at % events.length);
        if (plan.kind !== 'split') throw new Error('expected a split');
        expect([...plan.before, plan.suspect, ...plan.after]).toEqual(events);
        expect(plan.before).toHaveLength(at % events.length);
      }),
    );
  });
});
