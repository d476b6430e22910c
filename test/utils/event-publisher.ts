import { randomUUID } from 'node:crypto';
import type { Producer, RecordMetadata } from 'kafkajs';
import { createKafka } from '#messaging';
import { testEnv } from './test-env.js';

export interface RawMessage {
  readonly key: string;
  readonly value: string;
}

/** Publishes envelopes (or deliberately broken values) the way a partner system would, acks=all. */
export class EventPublisher {
  private constructor(private readonly producer: Producer) {}

  static async connect(): Promise<EventPublisher> {
    const producer = createKafka('parkmatch-test-publisher', testEnv().kafkaBrokers).producer();
    await producer.connect();
    return new EventPublisher(producer);
  }

  /** Wraps `payload` in a valid envelope; `overrides` replace envelope fields. Returns the envelope's eventId. */
  async publish(
    topic: string,
    type: string,
    key: string,
    payload: unknown,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const eventId = randomUUID();
    const envelope = {
      eventId,
      type,
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      producer: 'test-partner',
      correlationId: eventId,
      causationId: null,
      key,
      payload,
      ...overrides,
    };
    await this.publishRaw(topic, [{ key, value: JSON.stringify(envelope) }]);
    return eventId;
  }

  /** One produce request: records for one partition land there together, in this order. */
  async publishRaw(topic: string, messages: readonly RawMessage[]): Promise<RecordMetadata[]> {
    return this.producer.send({ topic, acks: -1, messages: [...messages] });
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}
