import type { KafkaContext } from '@nestjs/microservices';
import type { ConsumedRecord } from './event-intake.js';

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
