import type { EntityManager } from 'typeorm';
import type { CatalogTopic, EventEnvelope, EventTypeOf, PayloadOf } from '#contracts';
import { createEnvelope } from '../envelopes/envelope.factory.js';
import { currentCorrelationId } from '#platform';
import { OutboxMessageEntity } from './outbox-message.entity.js';

export interface OutboxEvent<T extends CatalogTopic, E extends EventTypeOf<T>> {
  readonly topic: T;
  readonly type: E;
  readonly key: string;
  readonly payload: PayloadOf<T, E>;
  readonly entityVersion?: number;
  readonly correlationId?: string;
  readonly causationId?: string | null;
}

/** Any valid (topic, type, payload) combination: lets code that picks the event at run time keep the compile check. */
export type AnyOutboxEvent = {
  [T in CatalogTopic]: { [E in EventTypeOf<T>]: OutboxEvent<T, E> }[EventTypeOf<T>];
}[CatalogTopic];

/**
 * Adds events to the outbox inside the caller's transaction. The relay publishes them after the commit. The topic → type → payload map makes a
 * mismatched payload a compile error.
 */
export class OutboxWriter {
  constructor(
    private readonly producer: string,
    private readonly schema: string,
  ) {}

  async enqueue(manager: EntityManager, events: readonly AnyOutboxEvent[]): Promise<EventEnvelope[]> {
    const envelopes = events.map((event) =>
      createEnvelope({
        type: event.type,
        key: event.key,
        payload: event.payload,
        producer: this.producer,
        entityVersion: event.entityVersion,
        // Without an explicit one, the request's or consumed event's correlation id, so a change can be followed.
        correlationId: event.correlationId ?? currentCorrelationId(),
        causationId: event.causationId,
      }),
    );
    if (envelopes.length === 0) return envelopes;
    await manager.insert(
      OutboxMessageEntity,
      envelopes.map((envelope, index) => ({
        topic: events[index]!.topic,
        messageKey: envelope.key,
        eventId: envelope.eventId,
        eventType: envelope.type,
        envelope,
      })),
    );
    // Postgres delivers the notification only if and when the transaction commits: the relay wakes at once.
    await manager.query('SELECT pg_notify($1, NULL)', [outboxChannel(this.schema)]);
    return envelopes;
  }
}

export const outboxChannel = (schema: string): string => `${schema}_outbox`;
