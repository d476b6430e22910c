import type { ShortlistChange } from './shortlist-change.js';

/** How many of the latest changes an instance keeps for clients that reconnect with `Last-Event-ID`. */
export const RECENT_CHANGES_KEPT = 5_000;

/**
 * The latest changes of the current gap-free run of the results topic, oldest first. A client that reconnects with
 * the id of the last change it saw gets the ones after it from here; an id not here (too old, from before a gap, or
 * from another instance's run) cannot be resumed, and the client reloads instead.
 */
export class RecentChanges {
  private readonly kept: ShortlistChange[] = [];
  private readonly positions = new Map<string, number>();
  /** How many changes were ever dropped from the front: positions are counted from the run's first change. */
  private dropped = 0;

  constructor(private readonly capacity = RECENT_CHANGES_KEPT) {}

  add(change: ShortlistChange): void {
    this.positions.set(change.eventId, this.dropped + this.kept.length);
    this.kept.push(change);
    if (this.kept.length > this.capacity) {
      const oldest = this.kept.shift()!;
      this.positions.delete(oldest.eventId);
      this.dropped++;
    }
  }

  /** A gap: what is kept no longer joins up with what comes next. */
  clear(): void {
    this.kept.length = 0;
    this.positions.clear();
  }

  /** The changes after `eventId`, oldest first; undefined when `eventId` is not kept. */
  after(eventId: string): ShortlistChange[] | undefined {
    const position = this.positions.get(eventId);
    return position === undefined ? undefined : this.kept.slice(position - this.dropped + 1);
  }
}
