import { ServerKafka, type KafkaOptions } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { KafkaBatchContext } from './consumed-batch.js';
import { consumedRecord } from './consumed-record.js';
import { chunksOf } from './intake-batching.js';

export interface BatchIntakeOptions {
  /** Partitions whose batches are applied at the same time (kafkajs `partitionsConsumedConcurrently`). */
  readonly partitionsConcurrently: number;
  /** Records per handler call, so per transaction at most: bounds a transaction's size and a redelivery's. */
  readonly chunkSize: number;
}

/**
 * Nest's Kafka server, taking kafkajs batches instead of single messages: several partitions at once, and each
 * partition's fetched batch handed to the topic's `@EventPattern` handler in chunks of consecutive records
 * ({@link KafkaBatchContext}), in offset order. The handler resolves offsets as its transactions commit (or its records
 * are parked); the group commits resolved offsets after the batch, as kafkajs does for single messages. A shutdown or
 * a rebalance that took the partition away stops between chunks (and the handler between transactions); what a
 * handler left unresolved, by stopping or throwing, is fetched again.
 */
export class BatchedKafkaServer extends ServerKafka {
  constructor(
    options: Required<KafkaOptions>['options'],
    private readonly intake: BatchIntakeOptions,
  ) {
    super(options);
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length > 0) await consumer.subscribe({ ...this.options.subscribe, topics });
    await consumer.run({
      ...this.options.run,
      partitionsConsumedConcurrently: this.intake.partitionsConcurrently,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    const active = () => payload.isRunning() && !payload.isStale();
    const handler = this.getHandlerByPattern(batch.topic);
    if (!handler) {
      this.logger.error(`no event handler for ${batch.topic}: its records are skipped`);
      payload.resolveOffset(batch.lastOffset());
      return;
    }
    for (const chunk of chunksOf(batch.messages, this.intake.chunkSize)) {
      if (!active()) return;
      const context = new KafkaBatchContext([
        {
          topic: batch.topic,
          partition: batch.partition,
          records: chunk.map((message) => consumedRecord(batch.topic, batch.partition, message, heartbeat)),
          heartbeat,
          resolveOffset: (offset) => payload.resolveOffset(offset),
          active,
        },
      ]);
      const result: unknown = await handler(undefined, context);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    }
  }
}
