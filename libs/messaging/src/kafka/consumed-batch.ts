import { BaseRpcContext } from '@nestjs/microservices';
import type { ConsumedRecord } from './consumed-record.js';

/** A run of consecutive records of one partition, handed to a consumer in one call. */
export interface ConsumedBatch {
  readonly topic: string;
  readonly partition: number;
  /** In offset order, never empty. */
  readonly records: readonly ConsumedRecord[];
  /** The group heartbeat (kafkajs sends it at most once per heartbeat interval): long work calls it so the member stays. */
  readonly heartbeat: () => Promise<void>;
  /** Marks the records up to `offset` done (applied or parked): the group commits it after the batch. */
  readonly resolveOffset: (offset: string) => void;
  /** False once the consumer stops or the partition was taken away: records not yet resolved are left. */
  readonly active: () => boolean;
}

/** The context (`@Ctx()`) of a Kafka event handler under {@link BatchedKafkaServer}: the batch it is to apply. */
export class KafkaBatchContext extends BaseRpcContext<[ConsumedBatch]> {
  getBatch(): ConsumedBatch {
    return this.args[0];
  }
}
