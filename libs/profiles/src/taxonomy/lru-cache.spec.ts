import { describe, expect, it } from '@jest/globals';
import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('computes a value once and serves it after', () => {
    const cache = new LruCache<string, number>(2);
    let computed = 0;
    const get = (key: string) => cache.get(key, () => ++computed);
    expect([get('a'), get('a'), get('b'), get('a')]).toEqual([1, 1, 2, 1]);
    expect(computed).toBe(2);
  });

  it('drops the least recently used entry past its capacity', () => {
    const cache = new LruCache<string, string>(2);
    const computed: string[] = [];
    const get = (key: string) => cache.get(key, () => (computed.push(key), key.toUpperCase()));
    get('a');
    get('b');
    get('a');
    get('c');
    get('a');
    get('b');
    expect({ computed, size: cache.size }).toEqual({ computed: ['a', 'b', 'c', 'b'], size: 2 });
  });
});
