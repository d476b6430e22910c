import type { KafkaContext } from '@nestjs/microservices';
import type { IHeaders } from 'kafkajs';

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

/** The record behind a Nest Kafka handler call, with its value as raw bytes (the transport runs with keepBinary). */
export const consumedRecord = (context: KafkaContext): ConsumedRecord => {
  const message = context.getMessage();
  return {
    topic: context.getTopic(),
    partition: context.getPartition(),
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: message.headers,
    heartbeat: context.getHeartbeat(),
  };
};
