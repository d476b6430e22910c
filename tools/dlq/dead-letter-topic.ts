import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { replayMessage, toDeadLetter, type DeadLetter } from './dead-letters.js';

/**
 * Every record a dead-letter topic holds now, in log order per partition. Read by a throwaway consumer group that is
 * deleted afterwards, so reading commits nothing anybody else relies on.
 */
export const readDeadLetters = async (kafka: Kafka, dlqTopic: string): Promise<DeadLetter[]> => {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `parkmatch-dlq-cli-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  try {
    const ends = await admin.fetchTopicOffsets(dlqTopic);
    const remaining = new Map(
      ends.filter((end) => Number(end.high) > Number(end.low)).map((end) => [end.partition, BigInt(end.high) - 1n]),
    );
    const letters: DeadLetter[] = [];
    if (remaining.size === 0) return letters;
    await consumer.connect();
    await consumer.subscribe({ topics: [dlqTopic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          letters.push(toDeadLetter(dlqTopic, partition, message));
          if (BigInt(message.offset) >= (remaining.get(partition) ?? -1n)) remaining.delete(partition);
          if (remaining.size === 0) resolve();
        },
      });
    });
    return letters.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
};

/** Sends each dead letter's original record back to its original topic, in the order given. */
export const replayDeadLetters = async (kafka: Kafka, letters: readonly DeadLetter[]): Promise<void> => {
  const messages = letters.map((letter) => ({ topic: letter.originalTopic, message: replayMessage(letter) }));
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const { topic, message } of messages) await producer.send({ topic, acks: -1, messages: [message] });
  } finally {
    await producer.disconnect();
  }
};
