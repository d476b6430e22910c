import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { Kafka, Producer } from 'kafkajs';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ApiKeyGuard } from '../auth/api-key.guard.js';
import { ApiKeyStore } from '../auth/api-key.store.js';
import type { ServiceConfig } from '../config/service-config.js';
import { HealthController } from '../health/health.controller.js';
import { RateLimiter } from '../http/rate-limiter.js';
import { ConsumerLagMonitor } from '../kafka/consumer-lag.monitor.js';
import { createKafka } from '../kafka/kafka-client.js';
import { EventIntake } from '../kafka/event-intake.js';
import { CorrelationInterceptor } from '../logging/correlation.interceptor.js';
import { serviceLoggerParams } from '../logging/service-logger.js';
import { MetricsController } from '../metrics/metrics.controller.js';
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

/**
 * Kafka client, idempotent producer, outbox writer and relay, event intake; and what every service's HTTP side
 * shares: API key authentication and rate limiting (global guard), correlation ids, JSON logs, health and metrics.
 */
@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        LoggerModule.forRoot(serviceLoggerParams(options.service, options.config.logLevel)),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: options.config },
        {
          provide: KAFKA_CLIENT,
          useValue: createKafka(options.service, options.config.kafkaBrokers, options.config.kafkaSecurity),
        },
        { provide: ApiKeyStore, useValue: new ApiKeyStore(options.config.apiKeys) },
        { provide: RateLimiter, useValue: new RateLimiter(options.config.http.rateLimitPerMinute) },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_INTERCEPTOR, useClass: CorrelationInterceptor },
        {
          provide: ConsumerLagMonitor,
          inject: [KAFKA_CLIENT],
          useFactory: (kafka: Kafka) => new ConsumerLagMonitor(kafka),
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
        MessagingLifecycle,
      ],
      exports: [
        SERVICE_CONFIG,
        KAFKA_CLIENT,
        KAFKA_PRODUCER,
        OutboxWriter,
        OutboxRelay,
        EventIntake,
        ApiKeyStore,
        ConsumerLagMonitor,
      ],
    };
  }
}
