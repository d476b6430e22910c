import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kafka, Message } from 'kafkajs';
import type pg from 'pg';
import { EXAMPLE_COMPANY_PROFILE, EXAMPLE_RD_NEED, TOPICS, type RdNeedFields } from '#contracts';
import { createEnvelope } from '#messaging';

/*
 * What the end-to-end benches share: the three services started as `npm start` starts them (compiled, one process
 * each) on the bench's database and broker, partner event envelopes, and a clean stop. BENCH_SERVICES_ROOT runs
 * another checkout's compiled services (a before/after comparison).
 */
export const SERVICE_PORTS = { companies: 4961, 'rd-needs': 4962, matching: 4963 } as const;
export type ServiceName = keyof typeof SERVICE_PORTS;
const PORT_VARIABLES = { companies: 'COMPANIES_PORT', 'rd-needs': 'RD_NEEDS_PORT', matching: 'MATCHING_PORT' } as const;

export const BENCH_SOURCE = 'bench-partner';

export interface BenchServicesOptions {
  readonly databaseUrl: string;
  readonly kafkaBrokers: readonly string[];
  /** Extra environment for every service (e.g. a higher HTTP rate limit). */
  readonly env?: Readonly<Record<string, string>>;
}

export class BenchServices {
  private readonly root = path.resolve(process.env.BENCH_SERVICES_ROOT ?? '.');
  private readonly logs: string[] = [];
  private readonly children: ChildProcess[] = [];
  private stopping = false;

  constructor(private readonly options: BenchServicesOptions) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void this.stop().then(() => process.exit(1)));
    }
  }

  /** Starts each service in turn and waits for its `/health`. */
  async start(): Promise<void> {
    for (const name of Object.keys(SERVICE_PORTS) as ServiceName[]) {
      this.children.push(this.spawn(name));
      await untilHealthy(name);
    }
  }

  /** SIGTERM, then SIGKILL for a service still shutting down after 20 s (a broker gone first can hold it). */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }

  private spawn(name: ServiceName): ChildProcess {
    // BENCH_SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the services while the bench runs.
    const nodeArgs = process.env.BENCH_SERVICE_NODE_ARGS?.split(' ').filter((arg) => arg !== '') ?? [];
    const child = spawn(process.execPath, [...nodeArgs, path.join(this.root, 'dist', 'apps', name, 'src', 'main.js')], {
      cwd: this.root,
      env: {
        ...process.env,
        DATABASE_URL: this.options.databaseUrl,
        KAFKA_BROKERS: this.options.kafkaBrokers.join(','),
        KAFKA_GROUP_PREFIX: 'parkmatch-bench',
        [PORT_VARIABLES[name]]: String(SERVICE_PORTS[name]),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Warnings and errors only (LOG_LEVEL=warn), shown when a service exits during the bench.
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => this.logs.push(`[${name}] ${chunk.toString()}`));
    }
    child.once('exit', (code, signal) => {
      if (!this.stopping) console.error(`${name} exited (${code ?? signal}) during the bench:\n${this.logs.join('')}`);
    });
    return child;
  }
}

export const serviceUrl = (name: ServiceName, route: string): string =>
  `http://127.0.0.1:${SERVICE_PORTS[name]}${route}`;

const untilHealthy = async (name: ServiceName): Promise<void> => {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(serviceUrl(name, '/health'))
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`${name} did not become healthy`);
};

/** A partner event as partner systems publish it, keyed by its external id. */
export const partnerEvent = (type: string, key: string, payload: unknown): Message => ({
  key,
  value: JSON.stringify(createEnvelope({ type, key, payload, producer: BENCH_SOURCE, entityVersion: 1 })),
});

/** Two kinds of organisation, so shortlists are ranked rather than all ties. */
export const benchCompanyEvent = (index: number): Message => {
  const id = `bench-co-${index}`;
  const diagnostics = index % 3 === 0;
  return partnerEvent('CompanyProfileSubmitted', id, {
    ...EXAMPLE_COMPANY_PROFILE,
    name: `Bench Organisation ${index}`,
    ...(diagnostics ? { therapeuticAreas: ['colorectal-cancer'], modalities: ['in-vitro-diagnostic'] } : {}),
    externalRef: { source: BENCH_SOURCE, id },
  });
};

export const benchNeedEvent = (index: number, overrides: Partial<RdNeedFields> = {}): Message => {
  const id = `bench-need-${index}`;
  return partnerEvent('RdNeedSubmitted', id, {
    ...EXAMPLE_RD_NEED,
    title: `Bench need ${index}`,
    ...overrides,
    externalRef: { source: BENCH_SOURCE, id },
  });
};

const PRODUCE_BATCH = 1_000;

/** Produces the needs, then the companies, as partner events, as fast as the broker takes them. */
export const producePopulation = async (
  kafka: Kafka,
  population: { readonly companies: number; readonly needs: number; readonly need?: Partial<RdNeedFields> },
): Promise<void> => {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    const needMessages = Array.from({ length: population.needs }, (_, index) => benchNeedEvent(index, population.need));
    await producer.send({ topic: TOPICS.partnerRdNeeds, acks: -1, messages: needMessages });
    for (let from = 0; from < population.companies; from += PRODUCE_BATCH) {
      const messages = Array.from({ length: Math.min(PRODUCE_BATCH, population.companies - from) }, (_, offset) =>
        benchCompanyEvent(from + offset),
      );
      await producer.send({ topic: TOPICS.partnerCompanyProfiles, acks: -1, messages });
    }
  } finally {
    await producer.disconnect();
  }
};

const count = async (client: pg.Client, sql: string): Promise<number> =>
  (await client.query<{ n: number }>(sql)).rows[0]?.n ?? 0;

/**
 * Waits until companies stored `companies` companies and matching applied as many company events plus `needs` need
 * events (its projections and shortlists, one transaction each), reporting progress every 5 s. Returns when
 * companies had stored them all (`performance.now()` time).
 */
export const untilIngested = async (
  client: pg.Client,
  target: { readonly companies: number; readonly needs: number; readonly started: number; readonly timeoutMs: number },
): Promise<number> => {
  let storedAt: number | undefined;
  let lastReport = 0;
  for (;;) {
    const stored = await count(client, 'SELECT count(*)::int AS n FROM companies.company');
    const applied = await count(
      client,
      `SELECT count(*)::int AS n FROM matching.inbox WHERE consumer = 'matching.projections'`,
    );
    const now = performance.now();
    if (storedAt === undefined && stored >= target.companies) storedAt = now;
    if (now - lastReport > 5_000) {
      const elapsed = ((now - target.started) / 1000).toFixed(0);
      console.error(`${elapsed} s: companies stored ${stored}, matching applied ${applied}`);
      lastReport = now;
    }
    if (storedAt !== undefined && applied >= target.companies + target.needs) return storedAt;
    if (now - target.started > target.timeoutMs) throw new Error(`timed out: companies ${stored}, matching ${applied}`);
    await sleep(100);
  }
};
