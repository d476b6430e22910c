/** The `capacity` most recently used entries (a Map keeps insertion order: a hit moves its entry to the end). */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached value, or `compute`'s, which is kept. */
  get(key: K, compute: () => V): V {
    const cached = this.entries.get(key);
    if (cached !== undefined || this.entries.has(key)) {
      this.entries.delete(key);
      this.entries.set(key, cached as V);
      return cached as V;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }
}
