import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { retryWithBackoff, WakeableWait } from '#platform';
import { eventsProduced } from '../metrics/messaging.metrics.js';
import { outboxChannel } from './outbox.writer.js';

export interface OutboxRelayOptions {
  readonly schema: string;
  readonly databaseUrl: string;
  readonly batchSize?: number;
  /** Fallback poll, for notifications lost while the listening connection was down. */
  readonly pollIntervalMs?: number;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  event_type: string;
  envelope: { eventId: string; correlationId: string };
}

const RETRY_BACKOFF = { initialMs: 100, maxMs: 5_000 };

/**
 * Publishes outbox rows in id order, waits for the broker's acknowledgement (acks=all), then marks them sent.
 * One relay per schema publishes at a time (a transaction-scoped advisory lock), which keeps per-key order
 * when several instances of a service run.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly idle = new WakeableWait();
  private listener: pg.Client | undefined;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.idle.wake();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** Publishes everything pending now; used by shutdown and tests. */
  async drain(): Promise<void> {
    while ((await this.publishBatch()) === this.batchSize);
  }

  /** Unpublished rows, for health and metrics. */
  async backlog(): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${this.options.schema}".outbox WHERE published_at IS NULL`,
    );
    return row?.n ?? 0;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const published = await retryWithBackoff(() => this.publishBatch(), {
        ...RETRY_BACKOFF,
        retryIf: () => this.running,
        onRetry: (error, _attempt, delayMs) =>
          this.logger.warn(`Outbox publish failed, retrying in ${delayMs} ms: ${(error as Error).message}`),
        wait: (ms) => this.idle.wait(ms),
      }).catch(() => 0);
      if (published === this.batchSize) continue;
      if (this.running) await this.idle.wait(this.pollIntervalMs);
    }
  }

  private async publishBatch(): Promise<number> {
    const schema = this.options.schema;
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<{ locked: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
        [`${schema}.outbox`],
      );
      if (!lock?.locked) return 0;
      const rows = await manager.query<OutboxRow[]>(
        `SELECT id, topic, message_key, event_type, envelope FROM "${schema}".outbox
         WHERE published_at IS NULL ORDER BY id LIMIT $1`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, OutboxRow[]>();
      for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, topicRows]) => ({
          topic,
          messages: topicRows.map((row) => ({
            key: row.message_key,
            value: JSON.stringify(row.envelope),
            headers: {
              'event-type': row.event_type,
              'event-id': row.envelope.eventId,
              'correlation-id': row.envelope.correlationId,
              'content-type': 'application/json',
            },
          })),
        })),
      });
      await manager.query(`UPDATE "${schema}".outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [
        rows.map((row) => row.id),
      ]);
      for (const [topic, topicRows] of byTopic) eventsProduced.inc({ topic }, topicRows.length);
      return rows.length;
    });
  }

  private async listen(): Promise<void> {
    while (this.running && !this.listener) {
      const client = new pg.Client({ connectionString: this.options.databaseUrl });
      try {
        await client.connect();
        client.on('notification', () => this.idle.wake());
        client.on('error', () => {
          this.listener = undefined;
          void client.end().catch(() => undefined);
          if (this.running) setTimeout(() => void this.listen(), 1_000);
        });
        await client.query(`LISTEN "${outboxChannel(this.options.schema)}"`);
        this.listener = client;
      } catch {
        await client.end().catch(() => undefined);
        await sleep(1_000);
      }
    }
  }
}
