import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import { readKafkaSecurity, type KafkaSecurity } from '#platform';

const kafkaLogger = new Logger('kafkajs');

/** kafkajs logs through Nest's logger, and only what deserves attention. */
const logCreator =
  () =>
  ({ level, log }: LogEntry): void => {
    const { message, ...extra } = log;
    const line = `${message} ${JSON.stringify(extra)}`;
    if (level === logLevel.ERROR) kafkaLogger.error(line);
    else if (level === logLevel.WARN) kafkaLogger.warn(line);
  };

/**
 * A client for the brokers; TLS and SASL come from the environment (KAFKA_SSL, KAFKA_SASL_*, see README), which the
 * services validate at boot, so tools and tests reach the same brokers the same way.
 */
export const kafkaClientConfig = (
  clientId: string,
  brokers: string[],
  security: KafkaSecurity = readKafkaSecurity(brokers, process.env.NODE_ENV === 'production'),
): KafkaConfig => ({
  clientId,
  brokers,
  logLevel: logLevel.WARN,
  logCreator,
  retry: { initialRetryTime: 200, retries: 10 },
  ...(security.ssl ? { ssl: security.ssl } : {}),
  ...(security.sasl ? { sasl: security.sasl } : {}),
});

export const createKafka = (clientId: string, brokers: string[], security?: KafkaSecurity): Kafka =>
  new Kafka(kafkaClientConfig(clientId, brokers, security));
