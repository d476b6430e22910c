import { Logger } from '@nestjs/common';
import type { Message, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import {
  deadLetterTopicOf,
  type CatalogTopic,
  type ExternalRef,
  type EventEnvelope,
  type EventTypeOf,
  type PayloadOf,
} from '#contracts';
import { claimEntityVersion, claimInboxEntry, partnerEntityKey } from '../inbox/inbox.repository.js';
import { retryWithBackoff, withCorrelationId } from '#platform';
import { eventRetries, eventsConsumed, eventsDeadLettered, eventsStale } from '../metrics/messaging.metrics.js';
import type { ConsumedRecord } from './consumed-record.js';
import { deadLetterMessage, isTooLargeForBroker, type DeadLetterCause } from './dead-letter.js';
import { decodeEvent, type DecodedEvent } from './event-decoder.js';
import { isTransientError, rejectedValueState } from './transient-error.js';

export type EventHandlers<T extends CatalogTopic> = {
  readonly [E in EventTypeOf<T>]: (event: EventEnvelope<E, PayloadOf<T, E>>, manager: EntityManager) => Promise<void>;
};

export type IntakeOutcome = 'applied' | 'duplicate' | 'dead-lettered';

const RETRY_BACKOFF = { initialMs: 200, maxMs: 10_000 };
/** A dead-letter copy the broker still refuses for size is parked with only this much of its value. */
const FALLBACK_DEAD_LETTER_BYTES = 64 * 1024;

/** Never throws: whatever the bytes are, the answer is an event or a reason to park them. */
const decodeSafely = (topic: CatalogTopic, value: ConsumedRecord['value']): DecodedEvent => {
  try {
    return decodeEvent(topic, value);
  } catch (error) {
    return { ok: false, reason: `undecodable message: ${(error as Error).message}` };
  }
};

/**
 * Validates, deduplicates and applies consumed events. Bad messages, and events whose handler fails for any reason
 * but a transient one, go to `<topic>.dlq` at once with their reason; transient faults (connection loss,
 * serialization failure, deadlock, broker errors) are retried with backoff in place, which holds the partition and so
 * keeps per-key order.
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

  /**
   * Whether a partner's event is at or below the version `consumer` already applied for its external reference (then
   * counted and logged as stale); otherwise records its version in the handler's transaction. An event without an
   * entityVersion is never stale.
   */
  async isStalePartnerEvent(
    manager: EntityManager,
    consumer: string,
    event: EventEnvelope<string, { readonly externalRef: ExternalRef }>,
  ): Promise<boolean> {
    if (event.entityVersion === undefined) return false;
    const entityKey = partnerEntityKey(event.payload.externalRef);
    if (await claimEntityVersion(manager, consumer, entityKey, event.entityVersion)) return false;
    this.recordStale(consumer);
    this.logger.log(
      `${consumer}: ${event.type} ${event.eventId} for ${entityKey} at version ${event.entityVersion} is stale`,
    );
    return true;
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
    const decoded = decodeSafely(topic, record.value);
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
          retryIf: (error) => isTransientError(error) && !this.stopping,
          onRetry: async (error, attempt, delayMs) => {
            eventRetries.inc({ consumer });
            this.logger.warn(
              `${consumer}: ${envelope.type} ${envelope.eventId} attempt ${attempt} failed (transient), retrying in ${delayMs} ms: ${(error as Error).message}`,
            );
            await record.heartbeat().catch(() => undefined);
          },
        },
      );
    } catch (error) {
      // Only a shutdown ends a transient failure's retries: the message is redelivered, not parked.
      if (isTransientError(error)) throw error;
      const state = rejectedValueState(error);
      const why = state ? `value rejected by the database (SQLSTATE ${state})` : 'handler failed';
      await this.deadLetter(consumer, record, `${why}: ${(error as Error).message}`, attempts);
      return 'dead-lettered';
    }
  }

  private async deadLetter(consumer: string, record: ConsumedRecord, reason: string, attempts: number): Promise<void> {
    eventsDeadLettered.inc({ consumer, topic: record.topic });
    this.logger.warn(`${consumer}: dead-lettering ${record.topic}[${record.partition}]@${record.offset}: ${reason}`);
    const cause: DeadLetterCause = { ...record, consumer, reason, attempts };
    try {
      await this.sendDeadLetter(record.topic, deadLetterMessage(cause));
    } catch (error) {
      if (!isTooLargeForBroker(error)) throw error;
      // The topic's limit is below the default we budget for: park a smaller copy, without the original headers.
      this.logger.warn(`${consumer}: dead-letter copy refused for size, parking a truncated copy`);
      await this.sendDeadLetter(
        record.topic,
        deadLetterMessage({ ...cause, headers: undefined }, FALLBACK_DEAD_LETTER_BYTES),
      );
    }
  }

  /** The offset must not move past a message that is neither applied nor parked: retried until the broker takes it. */
  private async sendDeadLetter(topic: string, message: Message): Promise<void> {
    await retryWithBackoff(
      () => this.producer.send({ topic: deadLetterTopicOf(topic as CatalogTopic), acks: -1, messages: [message] }),
      { ...RETRY_BACKOFF, retryIf: (error) => !isTooLargeForBroker(error) && !this.stopping },
    );
  }
}
