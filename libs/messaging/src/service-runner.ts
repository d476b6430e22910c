import type { INestApplication } from '@nestjs/common';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { Kafka } from 'kafkajs';
import {
  createServiceApp,
  type Dependency,
  DependencyUnreachableError,
  listenService,
  migrateService,
  postgresDependency,
  prepareServiceProcess,
  reachDependency,
  type ServiceAppOptions,
  type ServiceDataSourceSpec,
} from '#platform';
import { ConsumerLagMonitor } from './kafka/consumer-lag.monitor.js';
import { ensureTopics } from './kafka/ensure-topics.js';
import { kafkaClientConfig } from './kafka/kafka-client.js';
import { SupervisedKafkaServer } from './kafka/supervised-kafka.server.js';

export interface ServiceRunOptions extends ServiceAppOptions {
  /** The service's schema, migrated before anything else touches it. */
  readonly database: ServiceDataSourceSpec;
  /** Set when the service consumes events: it joins this consumer group (prefixed by KAFKA_GROUP_PREFIX). */
  readonly consumerGroup?: string;
}

/** About ten seconds of retries: long enough for a broker that is still starting, short enough to say why at boot. */
const BOOT_KAFKA_RETRY = { initialRetryTime: 300, retries: 5 };

const kafkaDependency = (brokers: readonly string[]): Dependency => ({
  name: 'Kafka',
  address: brokers.join(','),
  variable: 'KAFKA_BROKERS',
});

/**
 * A Parkmatch service from start to listening: migrate its schema, create the missing topics, build the HTTP app,
 * join its consumer group, listen. Postgres or Kafka out of reach at boot stops it with a message naming the
 * dependency, its address and the variable that set it (exit code 1).
 */
export const runService = async (options: ServiceRunOptions): Promise<INestApplication> => {
  const { service, config } = options;
  const logger = prepareServiceProcess(service, config);
  try {
    const applied = await reachDependency(postgresDependency(config.databaseUrl), () =>
      migrateService(options.database),
    );
    if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
    const admin = new Kafka({
      ...kafkaClientConfig(`${service}-admin`, config.kafkaBrokers, config.kafkaSecurity),
      retry: BOOT_KAFKA_RETRY,
    });
    await reachDependency(kafkaDependency(config.kafkaBrokers), () => ensureTopics(admin));
  } catch (error) {
    if (!(error instanceof DependencyUnreachableError)) throw error;
    logger.error(error.message);
    process.exit(1);
  }

  const app = await createServiceApp(options);
  if (options.consumerGroup) {
    const groupId = `${config.kafkaGroupPrefix}.${options.consumerGroup}`;
    app.get(ConsumerLagMonitor).watch(groupId);
    app.connectMicroservice<MicroserviceOptions>({
      strategy: new SupervisedKafkaServer(
        {
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
          subscribe: { fromBeginning: config.kafkaNewGroupsFrom === 'earliest' },
        },
        config.intake,
      ),
    });
    await app.startAllMicroservices();
  }
  await listenService(app, service, config);
  return app;
};
