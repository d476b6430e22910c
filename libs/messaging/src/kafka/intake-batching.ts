/** Splits `items` into consecutive runs of at most `size` (at least 1), in their order. */
export const chunksOf = <T>(items: readonly T[], size: number): T[][] => {
  const step = Math.max(1, Math.floor(size));
  const chunks: T[][] = [];
  for (let from = 0; from < items.length; from += step) chunks.push(items.slice(from, from + step));
  return chunks;
};

/**
 * How to apply a chunk again after its shared transaction failed for good, so that only a bad event is dead-lettered:
 * - `split`: a handler failed at `suspect`. The events before it ran without error in that transaction and run
 *   together again; the suspect runs alone, in its own transaction, where a second failure dead-letters it (and only
 *   it); the events after it go back through the batched path, which isolates any further failure the same way.
 * - `each-alone`: the failure cannot be pinned on one event (the inbox claim or the commit itself failed), so every
 *   event runs alone, as if it had been consumed by itself.
 */
export type ChunkIsolation<T> =
  | { readonly kind: 'split'; readonly before: readonly T[]; readonly suspect: T; readonly after: readonly T[] }
  | { readonly kind: 'each-alone'; readonly events: readonly T[] };

/** `failedAt` is the index of the event whose handler threw, undefined when no handler did. */
export const isolateFailure = <T>(events: readonly T[], failedAt: number | undefined): ChunkIsolation<T> => {
  if (failedAt === undefined || !Number.isInteger(failedAt) || failedAt < 0 || failedAt >= events.length) {
    return { kind: 'each-alone', events };
  }
  return {
    kind: 'split',
    before: events.slice(0, failedAt),
    suspect: events[failedAt] as T,
    after: events.slice(failedAt + 1),
  };
};
