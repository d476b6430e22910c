import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { READINESS_PROBES, type ServiceConfig } from '#platform';
import { ConsumerLagMonitor } from './kafka/consumer-lag.monitor.js';
import { EventIntake } from './kafka/event-intake.js';
import { createKafka } from './kafka/kafka-client.js';
import { BrokerProbe } from './health/broker-probe.js';
import { consumerLagProbe, consumerStallProbe } from './kafka/kafka-readiness.js';
import { MessagingLifecycle } from './messaging.lifecycle.js';
import { KAFKA_CLIENT, KAFKA_PRODUCER } from './messaging.tokens.js';
import { OutboxRelay } from './outbox/outbox.relay.js';
import { OutboxWriter } from './outbox/outbox.writer.js';
import { MessagingRetention } from './retention/messaging-retention.js';
import { RetentionRepository } from './retention/retention.repository.js';

export interface MessagingOptions {
  /** The service's name: Kafka client id, envelope `producer`, consumer names. */
  readonly service: string;
  /** The Postgres schema the service owns, holding its outbox and inbox. */
  readonly schema: string;
  readonly config: ServiceConfig;
}

/**
 * Kafka client, idempotent producer, outbox writer and relay, event intake, the outbox and inbox retention, and the
 * broker's readiness probes.
 */
@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        {
          provide: KAFKA_CLIENT,
          useValue: createKafka(options.service, options.config.kafkaBrokers, options.config.kafkaSecurity),
        },
        {
          provide: ConsumerLagMonitor,
          inject: [KAFKA_CLIENT],
          useFactory: (kafka: Kafka) => new ConsumerLagMonitor(kafka, options.config.consumerStallMs),
        },
        { provide: BrokerProbe, inject: [KAFKA_CLIENT], useFactory: (kafka: Kafka) => new BrokerProbe(kafka) },
        {
          provide: READINESS_PROBES,
          inject: [BrokerProbe, ConsumerLagMonitor],
          useFactory: (broker: BrokerProbe, lagMonitor: ConsumerLagMonitor) => [
            broker,
            consumerLagProbe(lagMonitor, options.config.maxConsumerLag),
            consumerStallProbe(lagMonitor),
          ],
        },
        {
          provide: KAFKA_PRODUCER,
          inject: [KAFKA_CLIENT],
          // Idempotent with one request in flight: retries can neither duplicate nor reorder a key's events.
          useFactory: (kafka: Kafka) =>
            kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false }),
        },
        { provide: OutboxWriter, useValue: new OutboxWriter(options.service, options.schema) },
        {
          provide: OutboxRelay,
          inject: [DataSource, KAFKA_PRODUCER],
          useFactory: (dataSource: DataSource, producer: Producer) =>
            new OutboxRelay(dataSource, producer, { schema: options.schema, databaseUrl: options.config.databaseUrl }),
        },
        {
          provide: EventIntake,
          inject: [DataSource, KAFKA_PRODUCER],
          useFactory: (dataSource: DataSource, producer: Producer) => new EventIntake(dataSource, producer),
        },
        {
          provide: MessagingRetention,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new MessagingRetention(new RetentionRepository(dataSource, options.schema), options.config.retention),
        },
        MessagingLifecycle,
      ],
      exports: [
        KAFKA_CLIENT,
        KAFKA_PRODUCER,
        READINESS_PROBES,
        OutboxWriter,
        OutboxRelay,
        EventIntake,
        ConsumerLagMonitor,
      ],
    };
  }
}
