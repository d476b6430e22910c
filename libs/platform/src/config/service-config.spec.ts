import { describe, expect, it } from '@jest/globals';
import { hashApiKey } from '../auth/api-key.js';
import { configProblemsOf } from '../env/config-problems.fixture.js';
import { readServiceConfig } from './service-config.js';

const problemsOf = (env: NodeJS.ProcessEnv): readonly string[] =>
  configProblemsOf(() => readServiceConfig('COMPANIES_PORT', 3001, env));

describe('service configuration', () => {
  it('has development defaults: dev keys, 256kb bodies, 1,200 requests a minute, no CORS, plaintext loopback Kafka', () => {
    const config = readServiceConfig('COMPANIES_PORT', 3001, {});
    expect(config).toMatchObject({
      port: 3001,
      production: false,
      logLevel: 'info',
      apiKeys: { kind: 'development' },
      http: { bodyLimit: '256kb', rateLimitPerMinute: 1200, corsOrigins: [] },
      kafkaSecurity: { warnings: [] },
    });
    expect(config.apiKeys.entries.map((entry) => entry.role)).toEqual(['admin', 'partner', 'dashboard']);
  });

  it('keeps published outbox rows 7 days and inbox rows 14, pruned every 10 minutes in batches of 1,000', () => {
    expect(readServiceConfig('COMPANIES_PORT', 3001, {}).retention).toEqual({
      outboxRetentionHours: 168,
      inboxRetentionHours: 336,
      intervalMs: 600_000,
      batchSize: 1_000,
    });
    expect(
      readServiceConfig('COMPANIES_PORT', 3001, { INBOX_RETENTION_HOURS: '720', RETENTION_INTERVAL_MS: '0' }).retention,
    ).toMatchObject({ inboxRetentionHours: 720, intervalMs: 0 });
    expect(
      problemsOf({ OUTBOX_RETENTION_HOURS: '0', INBOX_RETENTION_HOURS: '7d', RETENTION_BATCH_SIZE: 'all' }),
    ).toEqual([
      'OUTBOX_RETENTION_HOURS="0" is not a positive whole number of hours',
      'INBOX_RETENTION_HOURS="7d" is not a positive whole number of hours',
      'RETENTION_BATCH_SIZE="all" is not a positive integer',
    ]);
  });

  it('names every bad variable in one error', () => {
    expect(
      problemsOf({
        COMPANIES_PORT: 'http',
        HTTP_BODY_LIMIT: '2 gigs',
        HTTP_RATE_LIMIT_PER_MINUTE: '0',
        LOG_LEVEL: 'loud',
        PARKMATCH_API_KEYS: 'admin::nothex',
        KAFKA_SASL_MECHANISM: 'kerberos',
      }),
    ).toEqual([
      'COMPANIES_PORT="http" is not an integer',
      'LOG_LEVEL="loud" is not one of fatal, error, warn, info, debug, trace, silent',
      'HTTP_BODY_LIMIT="2 gigs" is not a size such as 256kb, 1mb or a number of bytes',
      'HTTP_RATE_LIMIT_PER_MINUTE="0" is not a positive integer',
      expect.stringContaining('PARKMATCH_API_KEYS entry 1 is invalid: the hash must be'),
      'KAFKA_SASL_MECHANISM="kerberos" is not one of scram-sha-256, scram-sha-512, plain',
    ]);
  });

  it('refuses production without keys, with development keys, or with plaintext to remote brokers', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringContaining('PARKMATCH_API_KEYS or PARKMATCH_API_KEYS_FILE is required with NODE_ENV=production'),
    ]);
    expect(problemsOf({ NODE_ENV: 'production', PARKMATCH_API_KEYS: `admin::${hashApiKey('dev-admin-key')}` })).toEqual(
      [expect.stringContaining('hold a development key')],
    );
    const keys = `admin::${hashApiKey('k')}`;
    expect(problemsOf({ NODE_ENV: 'production', PARKMATCH_API_KEYS: keys, KAFKA_BROKERS: 'b1:9092' })).toEqual([
      expect.stringContaining('KAFKA_BROKERS has non-loopback brokers (b1:9092) without KAFKA_SSL=true'),
    ]);
    expect(
      readServiceConfig('COMPANIES_PORT', 3001, {
        NODE_ENV: 'production',
        PARKMATCH_API_KEYS: keys,
        KAFKA_BROKERS: 'b1:9093',
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'svc',
        KAFKA_SASL_PASSWORD: ' p@ss ',
        CORS_ORIGINS: 'https://a.example, https://b.example',
      }),
    ).toMatchObject({
      production: true,
      apiKeys: { kind: 'configured' },
      http: { corsOrigins: ['https://a.example', 'https://b.example'] },
      kafkaSecurity: { ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'svc', password: ' p@ss ' } },
    });
  });

  it('only warns about plaintext to remote brokers in development, and needs SASL credentials together', () => {
    expect(readServiceConfig('COMPANIES_PORT', 3001, { KAFKA_BROKERS: 'kafka:19092' }).kafkaSecurity.warnings).toEqual([
      expect.stringContaining('plaintext is meant for loopback development brokers only'),
    ]);
    expect(problemsOf({ KAFKA_SASL_USERNAME: 'svc' })).toEqual([
      'KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD are set but KAFKA_SASL_MECHANISM is not',
    ]);
  });
});
