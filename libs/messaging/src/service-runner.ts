import type { INestApplication } from '@nestjs/common';
import type { MicroserviceOptions } from '@nestjs/microservices';
import {
  createServiceApp,
  listenService,
  migrateService,
  prepareServiceProcess,
  type ServiceAppOptions,
  type ServiceDataSourceSpec,
} from '#platform';
import { ConsumerLagMonitor } from './kafka/consumer-lag.monitor.js';
import { ensureTopics } from './kafka/ensure-topics.js';
import { createKafka, kafkaClientConfig } from './kafka/kafka-client.js';
import { SupervisedKafkaServer } from './kafka/supervised-kafka.server.js';

export interface ServiceRunOptions extends ServiceAppOptions {
  /** The service's schema, migrated before anything else touches it. */
  readonly database: ServiceDataSourceSpec;
  /** Set when the service consumes events: it joins this consumer group (prefixed by KAFKA_GROUP_PREFIX). */
  readonly consumerGroup?: string;
}

/**
 * A Parkmatch service from start to listening: migrate its schema, create the missing topics, build the HTTP app,
 * join its consumer group, listen.
 */
export const runService = async (options: ServiceRunOptions): Promise<INestApplication> => {
  const { service, config } = options;
  const logger = prepareServiceProcess(service, config);
  const applied = await migrateService(options.database);
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
  await ensureTopics(createKafka(`${service}-admin`, config.kafkaBrokers, config.kafkaSecurity));

  const app = await createServiceApp(options);
  if (options.consumerGroup) {
    const groupId = `${config.kafkaGroupPrefix}.${options.consumerGroup}`;
    app.get(ConsumerLagMonitor).watch(groupId);
    app.connectMicroservice<MicroserviceOptions>({
      strategy: new SupervisedKafkaServer({
        postfixId: '',
        client: kafkaClientConfig(service, config.kafkaBrokers, config.kafkaSecurity),
        consumer: {
          groupId,
          // Short fetch waits make rebalances and shutdowns take well under a second on a quiet topic.
          maxWaitTimeInMs: 200,
          sessionTimeout: 15_000,
          heartbeatInterval: 1_000,
          allowAutoTopicCreation: false,
        },
        subscribe: { fromBeginning: true },
        // Values stay raw bytes: the intake parses and validates them itself and dead-letters what it can't.
        parser: { keepBinary: true },
      }),
    });
    await app.startAllMicroservices();
  }
  await listenService(app, service, config);
  return app;
};
