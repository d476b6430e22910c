import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { Message } from 'kafkajs';
import pg from 'pg';
import { EXAMPLE_COMPANY_PROFILE, EXAMPLE_RD_NEED, TOPICS } from '#contracts';
import { createEnvelope, createKafka, ensureTopics } from '#messaging';
import { recreateTestDatabase } from '#platform';

/*
 * npm run bench:ingest -- --companies 5000 --needs 50
 *
 * Starts the three services as `npm start` does (compiled, one process each) on a throwaway database, produces the
 * needs then the companies as partner events (`RdNeedSubmitted`, `CompanyProfileSubmitted`) as fast as the broker
 * takes them, and times from the first produce until companies stored every company and matching applied every
 * resulting `CompanyProfileUpserted` and `RdNeedUpserted` (projections and shortlists, one transaction each).
 * BENCH_SERVICES_ROOT runs another checkout's compiled services (a before/after comparison); the last line is one
 * JSON object.
 */
const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '5000' },
    needs: { type: 'string', default: '50' },
    'timeout-s': { type: 'string', default: '1800' },
  },
});
const companies = Number(values.companies);
const needs = Number(values.needs);
const timeoutMs = Number(values['timeout-s']) * 1000;

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/parkmatch_bench_ingest';
const kafkaBrokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19892').split(',');
const servicesRoot = path.resolve(process.env.BENCH_SERVICES_ROOT ?? '.');
const PORTS = { companies: 4961, 'rd-needs': 4962, matching: 4963 } as const;
const PORT_VARIABLES = { companies: 'COMPANIES_PORT', 'rd-needs': 'RD_NEEDS_PORT', matching: 'MATCHING_PORT' } as const;
type ServiceName = keyof typeof PORTS;
const SOURCE = 'bench-partner';
const PRODUCE_BATCH = 1_000;

const startService = (name: ServiceName): ChildProcess => {
  const child = spawn(process.execPath, [path.join(servicesRoot, 'dist', 'apps', name, 'src', 'main.js')], {
    cwd: servicesRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_GROUP_PREFIX: 'parkmatch-bench',
      [PORT_VARIABLES[name]]: String(PORTS[name]),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Warnings and errors only (LOG_LEVEL=warn), shown when a service exits during the bench.
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => serviceLogs.push(`[${name}] ${chunk.toString()}`));
  }
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`${name} exited (${code ?? signal}) during the bench:\n${serviceLogs.join('')}`);
  });
  return child;
};

const untilHealthy = async (name: ServiceName): Promise<void> => {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${PORTS[name]}/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`${name} did not become healthy`);
};

const envelope = (type: string, key: string, payload: unknown): Message => ({
  key,
  value: JSON.stringify(createEnvelope({ type, key, payload, producer: SOURCE, entityVersion: 1 })),
});

/** Two kinds of organisation, so shortlists are ranked rather than all ties. */
const companyEvent = (index: number): Message => {
  const id = `bench-co-${index}`;
  const diagnostics = index % 3 === 0;
  return envelope('CompanyProfileSubmitted', id, {
    ...EXAMPLE_COMPANY_PROFILE,
    name: `Bench Organisation ${index}`,
    ...(diagnostics ? { therapeuticAreas: ['colorectal-cancer'], modalities: ['in-vitro-diagnostic'] } : {}),
    externalRef: { source: SOURCE, id },
  });
};

const needEvent = (index: number): Message => {
  const id = `bench-need-${index}`;
  return envelope('RdNeedSubmitted', id, {
    ...EXAMPLE_RD_NEED,
    title: `Bench need ${index}`,
    externalRef: { source: SOURCE, id },
  });
};

const count = async (client: pg.Client, sql: string): Promise<number> =>
  (await client.query<{ n: number }>(sql)).rows[0]?.n ?? 0;

let stopping = false;
const serviceLogs: string[] = [];
const services: { name: ServiceName; child: ChildProcess }[] = [];

/** SIGTERM, then SIGKILL for a service still shutting down after 20 s (a broker gone first can hold it). */
const stopServices = async (): Promise<void> => {
  stopping = true;
  await Promise.all(
    services.map(
      ({ child }) =>
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
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopServices().then(() => process.exit(1)));
}
await recreateTestDatabase(databaseUrl, 'bench');
const kafka = createKafka('parkmatch-bench-ingest', kafkaBrokers);
await ensureTopics(kafka);
const client = new pg.Client({ connectionString: databaseUrl });
try {
  for (const name of Object.keys(PORTS) as ServiceName[]) {
    services.push({ name, child: startService(name) });
    await untilHealthy(name);
  }
  await client.connect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();

  const started = performance.now();
  const needMessages = Array.from({ length: needs }, (_, index) => needEvent(index));
  await producer.send({ topic: TOPICS.partnerRdNeeds, acks: -1, messages: needMessages });
  for (let from = 0; from < companies; from += PRODUCE_BATCH) {
    const messages = Array.from({ length: Math.min(PRODUCE_BATCH, companies - from) }, (_, offset) =>
      companyEvent(from + offset),
    );
    await producer.send({ topic: TOPICS.partnerCompanyProfiles, acks: -1, messages });
  }
  const produced = performance.now();
  await producer.disconnect();
  console.error(`produced ${companies} companies and ${needs} needs in ${((produced - started) / 1000).toFixed(1)} s`);

  let storedAt: number | undefined;
  let lastReport = 0;
  for (;;) {
    const stored = await count(client, 'SELECT count(*)::int AS n FROM companies.company');
    const applied = await count(
      client,
      `SELECT count(*)::int AS n FROM matching.inbox WHERE consumer = 'matching.projections'`,
    );
    const now = performance.now();
    if (storedAt === undefined && stored >= companies) storedAt = now;
    if (now - lastReport > 5_000) {
      console.error(
        `${((now - started) / 1000).toFixed(0)} s: companies stored ${stored}, matching applied ${applied}`,
      );
      lastReport = now;
    }
    if (stored >= companies && applied >= companies + needs) break;
    if (now - started > timeoutMs) throw new Error(`timed out: companies ${stored}, matching ${applied}`);
    await sleep(100);
  }
  const seconds = (performance.now() - started) / 1000;
  const companiesSeconds = ((storedAt ?? performance.now()) - started) / 1000;
  console.error(`companies stored every company after ${companiesSeconds.toFixed(1)} s`);
  const events = companies + needs;
  console.log(
    JSON.stringify({
      events,
      seconds: Number(seconds.toFixed(2)),
      eventsPerSecond: Math.round(events / seconds),
      companiesStoredPerSecond: Math.round(companies / companiesSeconds),
    }),
  );
} finally {
  await stopServices();
}
process.exit(0);
