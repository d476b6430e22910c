import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { retryWithBackoff } from '#platform';
import { OutboxRelay } from './outbox/outbox.relay.js';
import { EventIntake } from './kafka/event-intake.js';
import { ConsumerLagMonitor } from './kafka/consumer-lag.monitor.js';
import { observeConsumerLag, observeOutboxBacklog } from './metrics/messaging.metrics.js';
import { KAFKA_PRODUCER } from './messaging.tokens.js';
import { MessagingRetention } from './retention/messaging-retention.js';

/**
 * Connects the producer without blocking start-up (writes wait safely in the outbox while the broker is away)
 * and starts the outbox and inbox retention; on shutdown, stops it and the relay before closing the producer.
 * Consumers are closed before this runs.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MessagingLifecycle.name);
  private connecting: Promise<void> | undefined;
  private closing = false;

  constructor(
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly relay: OutboxRelay,
    private readonly intake: EventIntake,
    private readonly lagMonitor: ConsumerLagMonitor,
    private readonly retention: MessagingRetention,
  ) {}

  onApplicationBootstrap(): void {
    // The relay starts once connect() has resolved: kafkajs reports the producer connected before it holds its
    // idempotent producer id, and a batch sent in that window goes out without one, then fails after the broker
    // acknowledged it (a broker-lock race in kafkajs), so the relay would publish it twice.
    this.connecting = this.connectProducer().then(() => {
      if (!this.closing) this.relay.start();
    });
    this.retention.start();
    observeOutboxBacklog(() => this.relay.backlog());
    observeConsumerLag(() => this.lagMonitor.lag());
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.intake.stop();
    await this.retention.stop();
    await this.relay.stop();
    await this.connecting;
    await this.producer.disconnect().catch(() => undefined);
    await this.lagMonitor.close();
  }

  private async connectProducer(): Promise<void> {
    if (this.closing) return;
    await retryWithBackoff(() => this.producer.connect(), {
      initialMs: 500,
      maxMs: 5_000,
      retryIf: () => !this.closing,
      onRetry: (error, attempt) =>
        this.logger.warn(`Kafka producer not connected (attempt ${attempt}): ${(error as Error).message}`),
    }).catch(() => undefined);
  }
}
