import { Logger } from '@nestjs/common';
import type { KafkaOptions } from '@nestjs/microservices';
import { retryWithBackoff, type BackoffOptions } from '#platform';
import { consumerRestarts } from '../metrics/messaging.metrics.js';
import { BatchedKafkaServer, type BatchIntakeOptions } from './batched-kafka.server.js';

/** How long a supervised restart waits after a crash, doubling after each failed attempt. */
export const CONSUMER_RESTART_BACKOFF = { initialMs: 1_000, maxMs: 30_000 };

/** Starts `server` (Nest reports a failed start through the callback, not the promise). */
export const listening = (server: BatchedKafkaServer): Promise<void> =>
  new Promise(
    (resolve, reject) =>
      void server.listen((error?: unknown) =>
        error === undefined
          ? resolve()
          : reject(error instanceof Error ? error : new Error(`listen failed: ${JSON.stringify(error)}`)),
      ),
  );

/**
 * The batched Kafka server, supervised. kafkajs restarts a crashed consumer by itself only when the error is retriable;
 * after any other crash (the coordinator no longer knowing the member once the broker came back, say) the consumer
 * stays down while the service keeps answering, and events wait forever. This server then reconnects the consumer
 * itself, with backoff, until it runs again; the group resumes from its committed offsets and the inbox skips what
 * was already applied. A close (shutdown) ends supervision.
 */
export class SupervisedKafkaServer extends BatchedKafkaServer {
  private readonly supervisor = new Logger(SupervisedKafkaServer.name);
  private closing = false;
  private restarting?: Promise<void>;

  constructor(
    options: Required<KafkaOptions>['options'],
    intake: BatchIntakeOptions,
    private readonly restartBackoff: BackoffOptions = CONSUMER_RESTART_BACKOFF,
  ) {
    super(options, intake);
  }

  override async close(): Promise<void> {
    this.closing = true;
    await super.close();
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer;
    consumer?.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.closing || consumer !== this.consumer) return;
      this.supervisor.error(`consumer ${this.groupId} crashed for good (${payload.error.message}): restarting it`);
      this.restarting ??= this.restart().finally(() => (this.restarting = undefined));
    });
  }

  private async restart(): Promise<void> {
    await retryWithBackoff(
      async () => {
        await super.close();
        await listening(this);
      },
      {
        ...this.restartBackoff,
        retryIf: () => !this.closing,
        onRetry: (error, attempt, delayMs) =>
          this.supervisor.warn(
            `consumer ${this.groupId} restart attempt ${attempt} failed, retrying in ${delayMs} ms: ${(error as Error).message}`,
          ),
      },
    ).catch((error: unknown) => {
      if (!this.closing) throw error;
    });
    // A shutdown that came during the restart must not leave the new consumer running.
    if (this.closing) return super.close();
    consumerRestarts.inc({ group: this.groupId });
    this.supervisor.log(`consumer ${this.groupId} restarted`);
  }
}
