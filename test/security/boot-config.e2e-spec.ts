import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectEventually } from '../utils/expect-eventually.js';
import { http } from '../utils/http.js';
import { ServiceProcess } from '../utils/service-process.js';
import { testEnv } from '../utils/test-env.js';

const keysCli = (...args: string[]): string =>
  execFileSync(process.execPath, ['dist/tools/keys/keys.js', ...args], { encoding: 'utf8' });

const createKey = (file: string, ...args: string[]): { key: string; entry: string } => {
  const output = keysCli('create', '--file', file, ...args);
  return {
    key: /key \(shown once[^:]*\): (\S+)/.exec(output)![1]!,
    entry: /PARKMATCH_API_KEYS entry: +(\S+)/.exec(output)![1]!,
  };
};

/** Starts a service expected to refuse to boot; resolves with its exit code and everything it printed. */
const bootFailure = (service: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve, reject) => {
    const { databaseUrl, kafkaBrokers, portBase } = testEnv();
    const child = spawn(process.execPath, [path.join('dist', 'apps', service, 'src', 'main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: kafkaBrokers.join(','),
        HOST: '127.0.0.1',
        COMPANIES_PORT: String(portBase + 28),
        RD_NEEDS_PORT: String(portBase + 28),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${service} did not refuse to boot:\n${output.slice(-2000)}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });

describe('boot: keys in production, configuration validation', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parkmatch-keys-'));
  const running: ServiceProcess[] = [];

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('refuses to start in production without configured keys', async () => {
    const { code, output } = await bootFailure('companies', { NODE_ENV: 'production' });
    expect(code).not.toBe(0);
    expect(output).toContain('PARKMATCH_API_KEYS or PARKMATCH_API_KEYS_FILE is required with NODE_ENV=production');
  }, 60_000);

  it('refuses plaintext Kafka to a remote broker in production, and names a missing CA file', async () => {
    const { code, output } = await bootFailure('companies', {
      NODE_ENV: 'production',
      PARKMATCH_API_KEYS: `admin::${'b'.repeat(64)}`,
      KAFKA_BROKERS: 'kafka-1.internal:9092',
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: 'parkmatch',
      KAFKA_SASL_PASSWORD: 'secret',
    });
    expect(code).not.toBe(0);
    expect(output).toContain('KAFKA_BROKERS has non-loopback brokers (kafka-1.internal:9092) without KAFKA_SSL=true');
    expect(output).toContain('KAFKA_SASL_MECHANISM=plain sends the password in clear');
    expect(output).not.toContain('secret');
    const missingCa = await bootFailure('companies', { KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/nonexistent/ca.pem' });
    expect(missingCa.output).toContain('KAFKA_SSL_CA_FILE="/nonexistent/ca.pem" is not a readable file');
  }, 60_000);

  it('names every bad variable in one readable message', async () => {
    const { code, output: failure } = await bootFailure('rd-needs', {
      HTTP_RATE_LIMIT_PER_MINUTE: 'lots',
      HTTP_BODY_LIMIT: 'huge',
      LOG_LEVEL: 'chatty',
      PARKMATCH_API_KEYS: 'superuser::abc,partner::' + 'a'.repeat(64),
      KAFKA_SASL_MECHANISM: 'scram-sha-256',
    });
    expect(code).not.toBe(0);
    expect(failure).toContain('Invalid configuration');
    expect(failure).toContain('HTTP_RATE_LIMIT_PER_MINUTE="lots" is not a positive integer');
    expect(failure).toContain('HTTP_BODY_LIMIT="huge" is not a size');
    expect(failure).toContain('LOG_LEVEL="chatty" is not one of fatal, error, warn, info');
    expect(failure).toContain('PARKMATCH_API_KEYS entry 1 is invalid: role must be one of admin, partner, dashboard');
    expect(failure).toContain('PARKMATCH_API_KEYS entry 2 is invalid: a partner key needs its source');
    expect(failure).toContain('KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM=scram-sha-256');
    // The message is the whole story: no stack trace under it.
    expect(failure).not.toMatch(/\n\s+at .+\.js:\d+/);
  }, 60_000);

  it('names Postgres, its address and DATABASE_URL when the database is out of reach, and exits 1', async () => {
    const { code, output } = await bootFailure('rd-needs', {
      DATABASE_URL: 'postgres://parkmatch:secret@127.0.0.1:1/parkmatch_test_unreachable',
    });
    expect(code).toBe(1);
    expect(output).toContain('cannot reach Postgres at 127.0.0.1:1 (DATABASE_URL): ECONNREFUSED');
    expect(output).not.toContain('secret');
    expect(output).not.toMatch(/\n\s+at .+\.js:\d+/);
  }, 60_000);

  it('names Kafka, its brokers and KAFKA_BROKERS when no broker answers, and exits 1', async () => {
    const { code, output } = await bootFailure('rd-needs', { KAFKA_BROKERS: '127.0.0.1:1' });
    expect(code).toBe(1);
    expect(output).toContain('cannot reach Kafka at 127.0.0.1:1 (KAFKA_BROKERS): ECONNREFUSED');
    expect(output).not.toMatch(/\n\s+at .+\.js:\d+/);
  }, 60_000);

  it('in production, accepts only configured keys, and stops accepting a revoked one', async () => {
    const file = path.join(dir, 'keys.json');
    const admin = createKey(file, '--role', 'admin', '--id', 'ops-admin');
    const partner = createKey(file, '--role', 'partner', '--source', 'ukbia', '--id', 'ukbia-1');
    const dashboard = createKey(path.join(dir, 'unused.json'), '--role', 'dashboard');
    expect(dashboard.entry).toMatch(/^dashboard::[0-9a-f]{64}$/);
    expect(keysCli('hash', admin.key).trim()).toBe(admin.entry.split(':')[2]);
    expect(keysCli('list', '--file', file)).not.toContain(admin.key);

    const service = new ServiceProcess('companies', 28, {
      NODE_ENV: 'production',
      PARKMATCH_API_KEYS_FILE: file,
      PARKMATCH_API_KEYS: dashboard.entry,
    });
    running.push(service);
    await service.start();
    expect(service.output.join('')).not.toContain('development keys');

    const companies = `${service.url}/companies?limit=1`;
    expect((await http(companies, 'GET', undefined, { apiKey: 'dev-admin-key' })).status).toBe(401);
    expect((await http(companies, 'GET', undefined, { apiKey: admin.key })).status).toBe(200);
    expect((await http(companies, 'GET', undefined, { apiKey: dashboard.key })).status).toBe(200);
    expect((await http(`${service.url}/metrics`, 'GET', undefined, { apiKey: partner.key })).status).toBe(403);

    keysCli('revoke', 'ukbia-1', '--file', file);
    await expectEventually(
      async () => expect((await http(companies, 'GET', undefined, { apiKey: partner.key })).status).toBe(401),
      { timeoutMs: 10_000, intervalMs: 500 },
    );
    expect((await http(companies, 'GET', undefined, { apiKey: admin.key })).status).toBe(200);
  }, 90_000);
});
