import { type ApiKeysConfig, DEV_API_KEYS, parseApiKeyList, readApiKeyFile } from '../auth/api-key.js';
import { LOG_LEVELS, type LogLevel } from '../logging/service-logger.js';
import { readKafkaSecurity, type KafkaSecurity } from './kafka-security.js';
import { readRetentionConfig, type RetentionConfig } from './retention-config.js';
import {
  collectConfig,
  ConfigError,
  enumVar,
  intVar,
  listVar,
  optional,
  positiveIntVar,
  readEnv,
  stringVar,
  type EnvSpec,
} from '../env/env.js';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/parkmatch';

export interface HttpConfig {
  /** JSON body limit, as body-parser reads it (`256kb`, `1mb`, bytes). */
  readonly bodyLimit: string;
  /** Request units per API key per minute (a token bucket; expensive routes cost more than one). */
  readonly rateLimitPerMinute: number;
  /** Failed authentications per client address per minute; past it, the address gets 429 without its key checked. */
  readonly authFailuresPerMinute: number;
  /** Requests per client address per minute to routes that need no key (health probes). */
  readonly publicRateLimitPerMinute: number;
  /** Signs stream tokens; undefined: a random secret per process (tokens then work on their own instance only). */
  readonly streamTokenSecret: string | undefined;
  /** Origins allowed by CORS; empty disables CORS, `*` allows any. */
  readonly corsOrigins: readonly string[];
}

export interface ServiceConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly kafkaBrokers: string[];
  readonly kafkaGroupPrefix: string;
  /**
   * Where a consumer group with no committed offsets starts: `earliest` (every event ever published, which a service
   * building its state from events needs) or `latest` (only what is published from now on: throwaway stacks such as
   * test markets of their own).
   */
  readonly kafkaNewGroupsFrom: KafkaNewGroupsFrom;
  readonly production: boolean;
  readonly logLevel: LogLevel;
  readonly apiKeys: ApiKeysConfig;
  readonly http: HttpConfig;
  readonly kafkaSecurity: KafkaSecurity;
  /** Readiness reports `degraded` when the service's consumer group lags more than this many messages. */
  readonly maxConsumerLag: number;
  /** Readiness is down when a partition's committed offset has not moved for this long while messages wait. */
  readonly consumerStallMs: number;
  /** Pruning of published outbox rows and old inbox rows. */
  readonly retention: RetentionConfig;
  readonly intake: IntakeConfig;
}

/** How consumers take their events: batches of several partitions at once, a chunk of records per transaction. */
export interface IntakeConfig {
  /** Partitions whose batches are applied at the same time. */
  readonly partitionsConcurrently: number;
  /** Records applied in one transaction at most. */
  readonly chunkSize: number;
}

const byteSize = (name: string, fallback: string): EnvSpec<string> => ({
  name,
  default: fallback,
  expected: 'a size such as 256kb, 1mb or a number of bytes',
  parse: (raw) => (/^\d+(b|kb|mb)?$/i.test(raw.trim()) ? raw.trim().toLowerCase() : undefined),
});

/** PARKMATCH_API_KEYS and/or PARKMATCH_API_KEYS_FILE; without either, the dev keys unless in production. */
export const readApiKeysConfig = (production: boolean, env: NodeJS.ProcessEnv = process.env): ApiKeysConfig =>
  collectConfig((attempt) => {
    const { list, file } = readEnv(
      { list: optional(stringVar('PARKMATCH_API_KEYS')), file: optional(stringVar('PARKMATCH_API_KEYS_FILE')) },
      env,
    );
    const entries = (list && attempt(() => parseApiKeyList(list))) || [];
    const fileEntries = (file && attempt(() => readApiKeyFile(file))) || [];
    if (!list && !file) {
      if (production) {
        throw new ConfigError([
          'PARKMATCH_API_KEYS or PARKMATCH_API_KEYS_FILE is required with NODE_ENV=production (create keys with `npm run keys -- create --role admin`)',
        ]);
      }
      return { kind: 'development', entries: DEV_API_KEYS.map(({ key: _key, ...entry }) => entry) };
    }
    const devHashes = new Set(DEV_API_KEYS.map((key) => key.sha256));
    if (production && [...entries, ...fileEntries].some((entry) => devHashes.has(entry.sha256))) {
      throw new ConfigError(['PARKMATCH_API_KEYS/PARKMATCH_API_KEYS_FILE hold a development key (dev-…-key)']);
    }
    return { kind: 'configured', entries, fileEntries, ...(file ? { file } : {}) };
  });

export const KAFKA_NEW_GROUPS_FROM = ['earliest', 'latest'] as const;
export type KafkaNewGroupsFrom = (typeof KAFKA_NEW_GROUPS_FROM)[number];

/** The settings every service shares; `defaultPort` differs per service. Every bad variable is named at once. */
export const readServiceConfig = (
  portVariable: string,
  defaultPort: number,
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig =>
  collectConfig((attempt) => {
    const base = attempt(() =>
      readEnv(
        {
          port: intVar(portVariable, defaultPort),
          host: stringVar('HOST', '0.0.0.0'),
          databaseUrl: stringVar('DATABASE_URL', DEFAULT_DATABASE_URL),
          kafkaBrokers: listVar('KAFKA_BROKERS', ['127.0.0.1:9092']),
          kafkaGroupPrefix: stringVar('KAFKA_GROUP_PREFIX', 'parkmatch'),
          kafkaNewGroupsFrom: enumVar('KAFKA_NEW_GROUPS_FROM', KAFKA_NEW_GROUPS_FROM, 'earliest'),
          environment: stringVar('NODE_ENV', 'development'),
          logLevel: enumVar('LOG_LEVEL', LOG_LEVELS, 'info'),
          maxConsumerLag: positiveIntVar('HEALTH_MAX_CONSUMER_LAG', 10_000),
          consumerStallMs: positiveIntVar('HEALTH_CONSUMER_STALL_MS', 120_000),
          partitionsConcurrently: positiveIntVar('KAFKA_PARTITIONS_CONCURRENTLY', 3),
          chunkSize: positiveIntVar('KAFKA_INTAKE_CHUNK_SIZE', 250),
        },
        env,
      ),
    );
    const http = attempt(() =>
      readEnv(
        {
          bodyLimit: byteSize('HTTP_BODY_LIMIT', '256kb'),
          rateLimitPerMinute: positiveIntVar('HTTP_RATE_LIMIT_PER_MINUTE', 1200),
          authFailuresPerMinute: positiveIntVar('HTTP_AUTH_FAILURES_PER_MINUTE', 60),
          publicRateLimitPerMinute: positiveIntVar('HTTP_PUBLIC_RATE_LIMIT_PER_MINUTE', 3000),
          streamTokenSecret: optional(stringVar('STREAM_TOKEN_SECRET')),
          corsOrigins: { ...listVar('CORS_ORIGINS', []), expected: 'a comma-separated list of origins, or *' },
        },
        env,
      ),
    );
    const production = (env.NODE_ENV ?? '').trim() === 'production';
    const apiKeys = attempt(() => readApiKeysConfig(production, env));
    const kafkaSecurity = attempt(() =>
      readKafkaSecurity(base?.kafkaBrokers ?? listVar('KAFKA_BROKERS', []).default!, production, env),
    );
    const retention = attempt(() => readRetentionConfig(env));
    if (!base || !http || !apiKeys || !kafkaSecurity || !retention) return undefined as never;
    const { environment: _environment, partitionsConcurrently, chunkSize, ...rest } = base;
    return {
      ...rest,
      production,
      apiKeys,
      kafkaSecurity,
      retention,
      http,
      intake: { partitionsConcurrently, chunkSize },
    };
  });
