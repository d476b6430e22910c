import { type INestApplication, Logger, type Type, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Transport } from '@nestjs/microservices';
import { ensureTopics } from '../kafka/ensure-topics.js';
import { createKafka, kafkaClientConfig } from '../kafka/kafka-client.js';
import type { ServiceConfig } from '../config/service-config.js';
import { HttpExceptionFilter } from '../errors/http-exception.filter.js';
import { createValidationPipe } from './validation.pipe.js';

export interface ServiceBootstrapOptions {
  readonly service: string;
  readonly module: Type | DynamicModule;
  readonly config: ServiceConfig;
  /** Applies the service's migrations before anything else touches its schema. */
  readonly migrate: () => Promise<string[]>;
  /** Set when the service consumes events: it joins this consumer group (prefixed by KAFKA_GROUP_PREFIX). */
  readonly consumerGroup?: string;
}

/** Turns a Nest module into a running Parkmatch service: HTTP, optional Kafka consumers, graceful shutdown. */
export const bootstrapService = async (options: ServiceBootstrapOptions): Promise<INestApplication> => {
  const logger = new Logger(options.service);
  const { config } = options;
  const applied = await options.migrate();
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
  await ensureTopics(createKafka(`${options.service}-admin`, config.kafkaBrokers));

  const app = await NestFactory.create(options.module, { abortOnError: false });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  if (options.consumerGroup) {
    app.connectMicroservice<MicroserviceOptions>({
      transport: Transport.KAFKA,
      options: {
        postfixId: '',
        client: kafkaClientConfig(options.service, config.kafkaBrokers),
        consumer: {
          groupId: `${config.kafkaGroupPrefix}.${options.consumerGroup}`,
          // Short fetch waits make rebalances and shutdowns take well under a second on a quiet topic.
          maxWaitTimeInMs: 200,
          sessionTimeout: 15_000,
          heartbeatInterval: 1_000,
          allowAutoTopicCreation: false,
        },
        subscribe: { fromBeginning: true },
        // Values stay raw bytes: the intake parses and validates them itself and dead-letters what it can't.
        parser: { keepBinary: true },
      },
    });
    await app.startAllMicroservices();
  }
  await app.listen(config.port, config.host);
  logger.log(`${options.service} listening on http://${config.host}:${config.port}`);

  let closing: Promise<void> | undefined;
  const shutdown = (signal: string): void => {
    closing ??= (async () => {
      logger.log(`${signal}: stopping consumers, draining, closing`);
      // Consumers first, so no event starts while the outbox relay, producer and database close behind them.
      for (const microservice of app.getMicroservices()) await microservice.close();
      await app.close();
      process.exit(0);
    })();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return app;
};
