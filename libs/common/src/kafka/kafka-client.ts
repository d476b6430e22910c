import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';

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

export const kafkaClientConfig = (clientId: string, brokers: string[]): KafkaConfig => ({
  clientId,
  brokers,
  logLevel: logLevel.WARN,
  logCreator,
  retry: { initialRetryTime: 200, retries: 10 },
});

export const createKafka = (clientId: string, brokers: string[]): Kafka =>
  new Kafka(kafkaClientConfig(clientId, brokers));
