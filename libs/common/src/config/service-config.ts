import { intVar, listVar, readEnv, stringVar } from './env.js';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/parkmatch';

export interface ServiceConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly kafkaBrokers: string[];
  readonly kafkaGroupPrefix: string;
}

/** The settings every service shares; `defaultPort` differs per service. */
export const readServiceConfig = (portVariable: string, defaultPort: number): ServiceConfig =>
  readEnv({
    port: intVar(portVariable, defaultPort),
    host: stringVar('HOST', '0.0.0.0'),
    databaseUrl: stringVar('DATABASE_URL', DEFAULT_DATABASE_URL),
    kafkaBrokers: listVar('KAFKA_BROKERS', ['127.0.0.1:9092']),
    kafkaGroupPrefix: stringVar('KAFKA_GROUP_PREFIX', 'parkmatch'),
  });
