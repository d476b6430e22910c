import type { Admin, Kafka } from 'kafkajs';

export interface ConsumerLag {
  readonly group: string;
  readonly total: number;
  readonly topics: Record<string, number>;
}

const CACHE_MS = 2_000;

/**
 * How far the service's consumer group is behind: per topic, the sum over partitions of the high watermark minus
 * the committed offset (the low watermark when nothing is committed yet). Cached briefly: probes and scrapes share it.
 */
export class ConsumerLagMonitor {
  private group: string | undefined;
  private admin: Admin | undefined;
  private connected: Promise<void> | undefined;
  private cached: { at: number; lag: Promise<ConsumerLag> } | undefined;

  constructor(private readonly kafka: Kafka) {}

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
      for (const { topic, partitions } of committed) {
        const watermarks = await admin.fetchTopicOffsets(topic);
        topics[topic] = partitions.reduce((sum, { partition, offset }) => {
          const marks = watermarks.find((mark) => mark.partition === partition);
          if (!marks) return sum;
          const from = Number(offset) >= 0 ? Number(offset) : Number(marks.low);
          return sum + Math.max(0, Number(marks.high) - from);
        }, 0);
      }
      return { group, topics, total: Object.values(topics).reduce((sum, value) => sum + value, 0) };
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
