import { Logger } from '@nestjs/common';
import { KAFKA_DEFAULT_RETENTION_HOURS, type RetentionConfig, WakeableWait } from '#platform';
import type { RetentionRepository } from './retention.repository.js';

const HOUR_MS = 3_600_000;

export interface PruneResult {
  readonly outbox: number;
  readonly inbox: number;
}

/**
 * Keeps the outbox and inbox from growing without bound: on a schedule, deletes published outbox rows and inbox
 * rows older than their retention, a batch per statement until none is left. Unpublished outbox rows and
 * `inbox_version` are never pruned. Every instance may run it; `SKIP LOCKED` keeps them out of each other's way.
 */
export class MessagingRetention {
  private readonly logger = new Logger(MessagingRetention.name);
  private running = false;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private readonly idle = new WakeableWait();

  constructor(
    private readonly repository: RetentionRepository,
    private readonly config: RetentionConfig,
  ) {}

  start(): void {
    if (this.running || this.config.intervalMs === 0) return;
    if (this.config.inboxRetentionHours < KAFKA_DEFAULT_RETENTION_HOURS) {
      this.logger.warn(
        `INBOX_RETENTION_HOURS=${this.config.inboxRetentionHours} is shorter than Kafka's default topic retention (${KAFKA_DEFAULT_RETENTION_HOURS} h): unless the topics keep messages for less, a redelivered event whose inbox row is gone would be applied twice`,
      );
    }
    this.running = true;
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.idle.wake();
    await this.loop;
    this.running = false;
  }

  /** Prunes everything past retention now, batch by batch; returns how many rows each table lost. */
  async prune(now: Date = new Date()): Promise<PruneResult> {
    const outboxCutoff = new Date(now.getTime() - this.config.outboxRetentionHours * HOUR_MS);
    const inboxCutoff = new Date(now.getTime() - this.config.inboxRetentionHours * HOUR_MS);
    const outbox = await this.drain((limit) => this.repository.deletePublishedOutboxBatch(outboxCutoff, limit));
    const inbox = await this.drain((limit) => this.repository.deleteInboxBatch(inboxCutoff, limit));
    return { outbox, inbox };
  }

  private async drain(deleteBatch: (limit: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await deleteBatch(this.config.batchSize);
      total += deleted;
      // A shutdown stops between batches; whatever is left goes in the next run.
      if (deleted < this.config.batchSize || this.stopping) return total;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        const { outbox, inbox } = await this.prune();
        if (outbox + inbox > 0) this.logger.log(`Pruned ${outbox} published outbox rows and ${inbox} inbox rows`);
      } catch (error) {
        this.logger.warn(`Pruning the outbox and inbox failed, retrying at the next run: ${(error as Error).message}`);
      }
      if (!this.stopping) await this.idle.wait(this.config.intervalMs);
    }
  }
}
