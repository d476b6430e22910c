import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '../config/service-config.js';
import { HealthController } from '../health/health.controller.js';
import { createKafka } from '../kafka/kafka-client.js';
import { EventIntake } from '../kafka/event-intake.js';
import { OutboxRelay } from '../outbox/outbox.relay.js';
import { OutboxWriter } from '../outbox/outbox.writer.js';
import { MessagingLifecycle } from './messaging.lifecycle.js';
import { KAFKA_CLIENT, KAFKA_PRODUCER, SERVICE_CONFIG } from './messaging.tokens.js';

export interface MessagingOptions {
  /** The service's name: Kafka client id, envelope `producer`, consumer names. */
  readonly service: string;
  /** The Postgres schema the service owns, holding its outbox and inbox. */
  readonly schema: string;
  readonly config: ServiceConfig;
}

/** Kafka client, idempotent producer, outbox writer and relay, event intake and the health endpoint. */
@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: options.config },
        { provide: KAFKA_CLIENT, useValue: createKafka(options.service, options.config.kafkaBrokers) },
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
        MessagingLifecycle,
      ],
      exports: [SERVICE_CONFIG, KAFKA_CLIENT, KAFKA_PRODUCER, OutboxWriter, OutboxRelay, EventIntake],
    };
  }
}
