/** One partition of a consumer group as measured: its committed offset and the messages behind it. */
export interface PartitionProgress {
  readonly topic: string;
  readonly partition: number;
  readonly committed: number;
  readonly lag: number;
}

export interface StalledPartition extends PartitionProgress {
  /** How long the committed offset has stood still with messages waiting, as far as the measurements show. */
  readonly stalledForMs: number;
}

/**
 * Tells, from successive measurements, which partitions have had messages waiting while their committed offset did
 * not move for at least `stallMs`: a consumer stuck on one record, not one merely behind.
 */
export class ConsumerStallTracker {
  private readonly still = new Map<string, { readonly committed: number; readonly since: number }>();

  constructor(private readonly stallMs: number) {}

  observe(now: number, partitions: readonly PartitionProgress[]): StalledPartition[] {
    const measured = new Set<string>();
    const stalled: StalledPartition[] = [];
    for (const progress of partitions) {
      const id = `${progress.topic}/${progress.partition}`;
      measured.add(id);
      const previous = this.still.get(id);
      if (progress.lag === 0) this.still.delete(id);
      else if (previous?.committed !== progress.committed)
        this.still.set(id, { committed: progress.committed, since: now });
      else if (now - previous.since >= this.stallMs) stalled.push({ ...progress, stalledForMs: now - previous.since });
    }
    for (const id of this.still.keys()) if (!measured.has(id)) this.still.delete(id);
    return stalled;
  }
}
