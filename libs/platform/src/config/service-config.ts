import { type ApiKeysConfig, DEV_API_KEYS, parseApiKeyList, readApiKeyFile } from '../auth/api-key.js';
import { LOG_LEVELS, type LogLevel } from '../logging/service-logger.js';
import { readKafkaSecurity, type KafkaSecurity } from './kafka-security.js';
import {
  collectConfig,
  ConfigError,
  enumVar,
  intVar,
  listVar,
  optional,
  readEnv,
  stringVar,
  type EnvSpec,
} from '../env/env.js';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/parkmatch';

export interface HttpConfig {
  /** JSON body limit, as body-parser reads it (`256kb`, `1mb`, bytes). */
  readonly bodyLimit: string;
  /** Requests per key per rolling minute. */
  readonly rateLimitPerMinute: number;
  /** Origins allowed by CORS; empty disables CORS, `*` allows any. */
  readonly corsOrigins: readonly string[];
}

export interface ServiceConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly kafkaBrokers: string[];
  readonly kafkaGroupPrefix: string;
  readonly production: boolean;
  readonly logLevel: LogLevel;
  readonly apiKeys: ApiKeysConfig;
  readonly http: HttpConfig;
  readonly kafkaSecurity: KafkaSecurity;
  /** Readiness reports `degraded` when the service's consumer group lags more than this many messages. */
  readonly maxConsumerLag: number;
  /** Readiness is down when a partition's committed offset has not moved for this long while messages wait. */
  readonly consumerStallMs: number;
}

const byteSize = (name: string, fallback: string): EnvSpec<string> => ({
  name,
  default: fallback,
  expected: 'a size such as 256kb, 1mb or a number of bytes',
  parse: (raw) => (/^\d+(b|kb|mb)?$/i.test(raw.trim()) ? raw.trim().toLowerCase() : undefined),
});

const positiveInt = (name: string, fallback: number): EnvSpec<number> => ({
  ...intVar(name, fallback),
  expected: 'a positive integer',
  parse: (raw) => (/^[1-9]\d*$/.test(raw.trim()) ? Number(raw.trim()) : undefined),
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
          environment: stringVar('NODE_ENV', 'development'),
          logLevel: enumVar('LOG_LEVEL', LOG_LEVELS, 'info'),
          bodyLimit: byteSize('HTTP_BODY_LIMIT', '256kb'),
          rateLimitPerMinute: positiveInt('HTTP_RATE_LIMIT_PER_MINUTE', 1200),
          corsOrigins: { ...listVar('CORS_ORIGINS', []), expected: 'a comma-separated list of origins, or *' },
          maxConsumerLag: positiveInt('HEALTH_MAX_CONSUMER_LAG', 10_000),
          consumerStallMs: positiveInt('HEALTH_CONSUMER_STALL_MS', 120_000),
        },
        env,
      ),
    );
    const production = (env.NODE_ENV ?? '').trim() === 'production';
    const apiKeys = attempt(() => readApiKeysConfig(production, env));
    const kafkaSecurity = attempt(() =>
      readKafkaSecurity(base?.kafkaBrokers ?? listVar('KAFKA_BROKERS', []).default!, production, env),
    );
    if (!base || !apiKeys || !kafkaSecurity) return undefined as never;
    const { environment: _environment, bodyLimit, rateLimitPerMinute, corsOrigins, ...rest } = base;
    return {
      ...rest,
      production,
      apiKeys,
      kafkaSecurity,
      http: { bodyLimit, rateLimitPerMinute, corsOrigins },
    };
  });
