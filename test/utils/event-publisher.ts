import { afterAll, beforeAll } from '@jest/globals';
import type { Producer, RecordMetadata } from 'kafkajs';
import { createEnvelope, createKafka } from '#messaging';
import { testEnv } from './test-env.js';

export interface RawMessage {
  readonly key: string;
  readonly value: string;
}

/** Publishes envelopes (or deliberately broken values) the way a partner system would, acks=all. */
export class EventPublisher {
  private constructor(private readonly producer: Producer) {}

  static async connect(): Promise<EventPublisher> {
    const publisher = EventPublisher.unconnected();
    await publisher.producer.connect();
    return publisher;
  }

  /** A publisher connected before the tests of the describe block it is called in and disconnected after them. */
  static use(): EventPublisher {
    const publisher = EventPublisher.unconnected();
    beforeAll(() => publisher.producer.connect(), 60_000);
    afterAll(() => publisher.disconnect(), 60_000);
    return publisher;
  }

  private static unconnected(): EventPublisher {
    return new EventPublisher(createKafka('parkmatch-test-publisher', testEnv().kafkaBrokers).producer());
  }

  /** Wraps `payload` in a valid envelope; `overrides` replace envelope fields. Returns the envelope's eventId. */
  async publish(
    topic: string,
    type: string,
    key: string,
    payload: unknown,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const envelope = createEnvelope({ type, key, payload, producer: 'test-partner' });
    await this.publishRaw(topic, [{ key, value: JSON.stringify({ ...envelope, ...overrides }) }]);
    return envelope.eventId;
  }

  /** One produce request: records for one partition land there together, in this order. */
  async publishRaw(topic: string, messages: readonly RawMessage[]): Promise<RecordMetadata[]> {
    return this.producer.send({ topic, acks: -1, messages: [...messages] });
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}
