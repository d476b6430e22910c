import type { IHeaders, KafkaMessage } from 'kafkajs';

/** The parts of a consumed Kafka record the intake needs; its value as the raw bytes the broker holds. */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | string | null;
  readonly value: Buffer | string | null;
  readonly headers?: IHeaders;
  readonly heartbeat: () => Promise<void>;
}

/** A record of a kafkajs batch, as the intake reads it. */
export const consumedRecord = (
  topic: string,
  partition: number,
  message: KafkaMessage,
  heartbeat: () => Promise<void>,
): ConsumedRecord => ({
  topic,
  partition,
  offset: message.offset,
  key: message.key,
  value: message.value,
  headers: message.headers,
  heartbeat,
});
