import { afterAll, beforeAll } from '@jest/globals';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { createKafka } from '#messaging';
import { expectEventually } from './expect-eventually.js';
import { testEnv } from './test-env.js';

export interface CapturedMessage {
  readonly topic: string;
  readonly key: string | null;
  readonly value: unknown;
  readonly headers: Record<string, string>;
}

const decode = (topic: string, message: KafkaMessage): CapturedMessage => {
  const raw = message.value?.toString() ?? '';
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // kept as text: dead-letter topics hold unparseable messages too
  }
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, header]) => [name, String(header)]),
  );
  return { topic, key: message.key?.toString() ?? null, value, headers };
};

/** Reads topics from the start in a throwaway consumer group and keeps every message for assertions. */
export class KafkaCapture {
  readonly messages: CapturedMessage[] = [];
  private consumer: Consumer | undefined;

  private constructor(private readonly topics: readonly string[]) {}

  static async start(topics: string[]): Promise<KafkaCapture> {
    const capture = new KafkaCapture(topics);
    await capture.begin();
    return capture;
  }

  /** A capture started before the tests of the describe block it is called in and stopped after them. */
  static use(topics: string[]): KafkaCapture {
    const capture = new KafkaCapture(topics);
    beforeAll(() => capture.begin(), 60_000);
    afterAll(() => capture.stop(), 60_000);
    return capture;
  }

  private async begin(): Promise<void> {
    const kafka = createKafka('parkmatch-test-capture', testEnv().kafkaBrokers);
    const consumer = kafka.consumer({ groupId: `test-capture-${randomUUID()}`, maxWaitTimeInMs: 100 });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.topics], fromBeginning: true });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        this.messages.push(decode(topic, message));
      },
    });
    await expectEventually(() => {
      if (!joined) throw new Error('capture consumer has not joined its group yet');
    });
  }

  async waitFor(predicate: (message: CapturedMessage) => boolean, timeoutMs = 15_000): Promise<CapturedMessage> {
    return expectEventually(
      () => {
        const found = this.messages.find(predicate);
        if (!found) throw new Error(`no matching message among ${this.messages.length} captured`);
        return found;
      },
      { timeoutMs },
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
