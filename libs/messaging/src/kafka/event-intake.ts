import { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
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
import {
  claimEntityVersion,
  claimInboxEntries,
  claimInboxEntry,
  partnerEntityKey,
  releaseInboxEntries,
} from '../inbox/inbox.repository.js';
import { retryWithBackoff, withCorrelationId } from '#platform';
import { eventRetries, eventsConsumed, eventsDeadLettered, eventsStale } from '../metrics/messaging.metrics.js';
import type { ConsumedBatch } from './consumed-batch.js';
import type { ConsumedRecord } from './consumed-record.js';
import { deadLetterMessage, isTooLargeForBroker, type DeadLetterCause } from './dead-letter.js';
import { decodeEvent, type DecodedEvent } from './event-decoder.js';
import { isolateFailure } from './intake-batching.js';
import { isTransientError, rejectedValueState } from './transient-error.js';

export type EventHandlers<T extends CatalogTopic> = {
  readonly [E in EventTypeOf<T>]: (event: EventEnvelope<E, PayloadOf<T, E>>, manager: EntityManager) => Promise<void>;
};

export type IntakeOutcome = 'applied' | 'duplicate' | 'dead-lettered';

interface DecodedRecord {
  readonly record: ConsumedRecord;
  readonly envelope: EventEnvelope;
}

const handlerOf = <T extends CatalogTopic>(handlers: EventHandlers<T>, envelope: EventEnvelope) =>
  handlers[envelope.type as EventTypeOf<T>] as (event: EventEnvelope, manager: EntityManager) => Promise<void>;

const RETRY_BACKOFF = { initialMs: 200, maxMs: 10_000 };
/** A batch transaction takes no further event after working this long (it always takes one). */
const MAX_TRANSACTION_MS = 1_000;
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

  /**
   * Applies a run of consecutive records of one partition. Records that do not decode are dead-lettered at once; the
   * events are then applied in offset order, many to a transaction: one inbox claim for them all, then each newly
   * claimed event's handler, whose writes (outbox rows included) commit together. A transaction takes events until
   * the chunk ends or it has worked for {@link MAX_TRANSACTION_MS}, so slow handlers keep transactions, lock waits and
   * the group's rebalances short. When a transaction fails for good, its events are applied again with the failure
   * isolated ({@link isolateFailure}), so only the bad event is dead-lettered. After each commit the batch's offset
   * is resolved up to its last event and the group heartbeat sent (a rebalance then ends the batch early: the rest is
   * redelivered); a stopped consumer or a partition taken away ends it too. Throws only when that heartbeat fails or a
   * shutdown ended retries of a transient fault.
   */
  async handleBatch<T extends CatalogTopic>(
    consumer: string,
    topic: T,
    batch: ConsumedBatch,
    handlers: EventHandlers<T>,
  ): Promise<void> {
    const events: DecodedRecord[] = [];
    for (const record of batch.records) {
      const decoded = decodeSafely(topic, record.value);
      if (decoded.ok) {
        events.push({ record, envelope: decoded.envelope });
      } else {
        await this.deadLetter(consumer, record, decoded.reason, 1);
        eventsConsumed.inc({ consumer, topic, outcome: 'dead-lettered' });
      }
    }
    const done = async (applied: readonly DecodedRecord[]): Promise<void> => {
      batch.resolveOffset(applied[applied.length - 1]!.record.offset);
      await batch.heartbeat();
    };
    if (!(await this.applyInOrder(consumer, topic, batch, events, handlers, done))) return;
    // Every record is applied, a duplicate or parked, the last one perhaps parked before anything was applied.
    const last = batch.records[batch.records.length - 1];
    if (last) batch.resolveOffset(last.offset);
  }

  /** False when the batch stopped being wanted (`batch.active()`) before every event was applied. */
  private async applyInOrder<T extends CatalogTopic>(
    consumer: string,
    topic: T,
    batch: ConsumedBatch,
    events: readonly DecodedRecord[],
    handlers: EventHandlers<T>,
    done: (applied: readonly DecodedRecord[]) => Promise<void>,
  ): Promise<boolean> {
    let rest = events;
    while (rest.length > 0) {
      if (!batch.active()) return false;
      if (rest.length === 1) {
        await this.applyAlone(consumer, topic, rest[0]!, handlers);
        await done(rest);
        return true;
      }
      const result = await this.applyTogether(consumer, topic, rest, handlers);
      if ('applied' in result) {
        await done(rest.slice(0, result.applied));
        rest = rest.slice(result.applied);
        continue;
      }
      const plan = isolateFailure(rest, result.failedAt);
      const first = rest[0]!.record;
      this.logger.warn(
        `${consumer}: ${rest.length} events from ${first.topic}[${first.partition}]@${first.offset} failed together (${(result.error as Error).message}); ` +
          (plan.kind === 'split' ? `isolating offset ${plan.suspect.record.offset}` : 'applying each alone'),
      );
      if (plan.kind === 'each-alone') {
        for (const event of plan.events) {
          if (!batch.active()) return false;
          await this.applyAlone(consumer, topic, event, handlers);
          await done([event]);
        }
        return true;
      }
      if (!(await this.applyInOrder(consumer, topic, batch, plan.before, handlers, done))) return false;
      await this.applyAlone(consumer, topic, plan.suspect, handlers);
      await done([plan.suspect]);
      rest = plan.after;
    }
    return true;
  }

  /**
   * One transaction for the first events of `events` (all of them, unless it reaches {@link MAX_TRANSACTION_MS}
   * first), retried in place on transient faults. Once committed, how many it applied; otherwise the permanent error
   * and, when a handler threw it, that event's index.
   */
  private async applyTogether<T extends CatalogTopic>(
    consumer: string,
    topic: T,
    events: readonly DecodedRecord[],
    handlers: EventHandlers<T>,
  ): Promise<{ readonly applied: number } | { readonly failedAt?: number; readonly error: unknown }> {
    const heartbeat = () => events[0]!.record.heartbeat().catch(() => undefined);
    let failedAt: number | undefined;
    try {
      const outcomes = await retryWithBackoff(
        async () => {
          failedAt = undefined;
          const started = performance.now();
          return this.dataSource.transaction(async (manager) => {
            const fresh = await claimInboxEntries(
              manager,
              consumer,
              events.map(({ envelope }) => envelope.eventId),
            );
            const outcomes: IntakeOutcome[] = [];
            for (const [index, { envelope }] of events.entries()) {
              if (index > 0 && performance.now() - started > MAX_TRANSACTION_MS) break;
              // Deleted once applied: the same event id twice in one chunk applies once.
              if (!fresh.delete(envelope.eventId)) {
                outcomes.push('duplicate');
                continue;
              }
              try {
                await withCorrelationId(envelope.correlationId, () => handlerOf(handlers, envelope)(envelope, manager));
              } catch (error) {
                failedAt = index;
                throw error;
              }
              outcomes.push('applied');
              await heartbeat();
            }
            // The events left for the next transaction are claimed there: their claims here are undone.
            if (fresh.size > 0) await releaseInboxEntries(manager, consumer, [...fresh]);
            return outcomes;
          });
        },
        {
          ...RETRY_BACKOFF,
          retryIf: (error) => isTransientError(error) && !this.stopping,
          onRetry: async (error, attempt, delayMs) => {
            eventRetries.inc({ consumer });
            this.logger.warn(
              `${consumer}: ${events.length} events attempt ${attempt} failed (transient), retrying in ${delayMs} ms: ${(error as Error).message}`,
            );
            await heartbeat();
          },
        },
      );
      for (const outcome of outcomes) eventsConsumed.inc({ consumer, topic, outcome });
      return { applied: outcomes.length };
    } catch (error) {
      // Only a shutdown ends a transient failure's retries: the records are redelivered, not parked.
      if (isTransientError(error)) throw error;
      return { failedAt, error };
    }
  }

  /** One event in its own transaction: applied, a duplicate, or dead-lettered when its handler fails for good. */
  private applyAlone<T extends CatalogTopic>(
    consumer: string,
    topic: T,
    event: DecodedRecord,
    handlers: EventHandlers<T>,
  ): Promise<void> {
    // Its logs, its dead letter and the events it causes carry its correlation id.
    return withCorrelationId(event.envelope.correlationId, () => this.applyAloneNow(consumer, topic, event, handlers));
  }

  private async applyAloneNow<T extends CatalogTopic>(
    consumer: string,
    topic: T,
    { record, envelope }: DecodedRecord,
    handlers: EventHandlers<T>,
  ): Promise<void> {
    const handler = handlerOf(handlers, envelope);
    let attempts = 0;
    let outcome: IntakeOutcome;
    try {
      outcome = await retryWithBackoff(
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
      outcome = 'dead-lettered';
    }
    eventsConsumed.inc({ consumer, topic, outcome });
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
