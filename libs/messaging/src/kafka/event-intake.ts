import { Logger } from '@nestjs/common';
import type { IHeaders, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { deadLetterTopicOf, type CatalogTopic, type EventEnvelope, type EventTypeOf, type PayloadOf } from '#contracts';
import { claimInboxEntry } from '../inbox/inbox.repository.js';
import { retryWithBackoff, withCorrelationId } from '#platform';
import { eventRetries, eventsConsumed, eventsDeadLettered, eventsStale } from '../metrics/messaging.metrics.js';
import { decodeEvent } from './event-decoder.js';
import { isTransientError } from './transient-error.js';

/** The parts of a consumed Kafka record the intake needs; filled from Nest's KafkaContext. */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | string | null;
  readonly value: Buffer | string | null;
  readonly headers?: IHeaders;
  readonly heartbeat: () => Promise<void>;
}

export type EventHandlers<T extends CatalogTopic> = {
  readonly [E in EventTypeOf<T>]: (event: EventEnvelope<E, PayloadOf<T, E>>, manager: EntityManager) => Promise<void>;
};

export type IntakeOutcome = 'applied' | 'duplicate' | 'dead-lettered';

/** Attempts for an error that is neither transient nor a bad message: likely a bug; park the message, keep going. */
const MAX_NON_TRANSIENT_ATTEMPTS = 5;
const RETRY_BACKOFF = { initialMs: 200, maxMs: 10_000 };

/**
 * Validates, deduplicates and applies consumed events. Bad messages go to `<topic>.dlq` with their reason;
 * transient faults are retried with backoff in place, which holds the partition and so keeps per-key order.
 */
export class EventIntake {
  private readonly logger = new Logger(EventIntake.name);
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
  ) {}

  /** Counts an event a handler ignored because a newer version of its entity was already applied. */
  recordStale(consumer: string): void {
    eventsStale.inc({ consumer });
  }

  /** Stops retry loops so a shutdown is not held by a broken dependency; the message is redelivered later. */
  stop(): void {
    this.stopping = true;
  }

  async handle<T extends CatalogTopic>(
    consumer: string,
    topic: T,
    record: ConsumedRecord,
    handlers: EventHandlers<T>,
  ): Promise<IntakeOutcome> {
    const decoded = decodeEvent(topic, record.value);
    if (!decoded.ok) {
      await this.deadLetter(consumer, record, decoded.reason, 1);
      eventsConsumed.inc({ consumer, topic, outcome: 'dead-lettered' });
      return 'dead-lettered';
    }
    // Logs and the events this one causes carry its correlation id: a request's id travels through every service.
    const outcome = await withCorrelationId(decoded.envelope.correlationId, () =>
      this.apply(consumer, record, decoded.envelope, handlers),
    );
    eventsConsumed.inc({ consumer, topic, outcome });
    return outcome;
  }

  private async apply<T extends CatalogTopic>(
    consumer: string,
    record: ConsumedRecord,
    envelope: EventEnvelope,
    handlers: EventHandlers<T>,
  ): Promise<IntakeOutcome> {
    const handler = handlers[envelope.type as EventTypeOf<T>] as (
      event: EventEnvelope,
      manager: EntityManager,
    ) => Promise<void>;

    let attempts = 0;
    try {
      return await retryWithBackoff(
        async (attempt) => {
          attempts = attempt;
          const applied = await this.dataSource.transaction(async (manager) => {
            if (!(await claimInboxEntry(manager, consumer, envelope.eventId))) return false;
            await handler(envelope, manager);
            return true;
          });
          return applied ? 'applied' : 'duplicate';
        },
        {
          ...RETRY_BACKOFF,
          retryIf: (error, attempt) =>
            (isTransientError(error) || attempt < MAX_NON_TRANSIENT_ATTEMPTS) && !this.stopping,
          onRetry: async (error, attempt, delayMs) => {
            eventRetries.inc({ consumer });
            this.logger.warn(
              `${consumer}: ${envelope.type} ${envelope.eventId} attempt ${attempt} failed (${isTransientError(error) ? 'transient' : 'error'}), retrying in ${delayMs} ms: ${(error as Error).message}`,
            );
            await record.heartbeat().catch(() => undefined);
          },
        },
      );
    } catch (error) {
      if (isTransientError(error) || attempts < MAX_NON_TRANSIENT_ATTEMPTS) throw error;
      await this.deadLetter(consumer, record, `handler failed: ${(error as Error).message}`, attempts);
      return 'dead-lettered';
    }
  }

  private async deadLetter(consumer: string, record: ConsumedRecord, reason: string, attempts: number): Promise<void> {
    eventsDeadLettered.inc({ consumer, topic: record.topic });
    this.logger.warn(`${consumer}: dead-lettering ${record.topic}[${record.partition}]@${record.offset}: ${reason}`);
    const dlq = deadLetterTopicOf(record.topic as CatalogTopic);
    // The offset must not move past a message that is neither applied nor parked.
    await retryWithBackoff(
      () =>
        this.producer.send({
          topic: dlq,
          acks: -1,
          messages: [
            {
              key: record.key,
              value: record.value,
              headers: {
                ...record.headers,
                'dlq-original-topic': record.topic,
                'dlq-original-partition': String(record.partition),
                'dlq-original-offset': record.offset,
                'dlq-consumer': consumer,
                'dlq-error': reason.slice(0, 2_000),
                'dlq-attempts': String(attempts),
                'dlq-failed-at': new Date().toISOString(),
              },
            },
          ],
        }),
      { ...RETRY_BACKOFF, retryIf: () => !this.stopping },
    );
  }
}
