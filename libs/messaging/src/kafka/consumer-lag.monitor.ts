import type { Admin, Kafka } from 'kafkajs';
import { ConsumerStallTracker, type PartitionProgress, type StalledPartition } from './consumer-stall.js';

export interface ConsumerLag {
  readonly group: string;
  readonly total: number;
  readonly topics: Record<string, number>;
  /** Partitions whose committed offset has not moved, with messages waiting, for the configured stall time. */
  readonly stalled: readonly StalledPartition[];
}

const CACHE_MS = 2_000;

/**
 * How far the service's consumer group is behind: per topic, the sum over partitions of the high watermark minus
 * the committed offset (the low watermark when nothing is committed yet), and which partitions are stalled, as seen
 * by successive measurements. Cached briefly: probes and scrapes share it.
 */
export class ConsumerLagMonitor {
  private group: string | undefined;
  private admin: Admin | undefined;
  private connected: Promise<void> | undefined;
  private cached: { at: number; lag: Promise<ConsumerLag> } | undefined;

  private readonly stalls: ConsumerStallTracker;

  /** `stallMs`: how long a partition's committed offset may stand still while messages wait before it is stalled. */
  constructor(
    private readonly kafka: Kafka,
    stallMs: number,
  ) {
    this.stalls = new ConsumerStallTracker(stallMs);
  }

  /** Set at boot by services that consume. */
  watch(group: string): void {
    this.group = group;
  }

  get watching(): string | undefined {
    return this.group;
  }

  async lag(): Promise<ConsumerLag | undefined> {
    if (!this.group) return undefined;
    if (!this.cached || Date.now() - this.cached.at > CACHE_MS) {
      const lag = this.measure(this.group);
      this.cached = { at: Date.now(), lag };
      lag.catch(() => {
        this.cached = undefined;
      });
    }
    return this.cached.lag;
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    this.connected = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private async measure(group: string): Promise<ConsumerLag> {
    try {
      const admin = await this.connectedAdmin();
      const committed = await admin.fetchOffsets({ groupId: group });
      const topics: Record<string, number> = {};
      const progress: PartitionProgress[] = [];
      for (const { topic, partitions } of committed) {
        const watermarks = await admin.fetchTopicOffsets(topic);
        topics[topic] = 0;
        for (const { partition, offset } of partitions) {
          const marks = watermarks.find((mark) => mark.partition === partition);
          if (!marks) continue;
          const from = Number(offset) >= 0 ? Number(offset) : Number(marks.low);
          const lag = Math.max(0, Number(marks.high) - from);
          topics[topic] += lag;
          progress.push({ topic, partition, committed: from, lag });
        }
      }
      const total = Object.values(topics).reduce((sum, value) => sum + value, 0);
      return { group, topics, total, stalled: this.stalls.observe(Date.now(), progress) };
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      this.admin = this.kafka.admin();
      this.connected = this.admin.connect();
    }
    await this.connected;
    return this.admin;
  }
}
