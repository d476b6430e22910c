import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { EXAMPLE_COMPANY_PROFILE, TOPICS } from '#contracts';
import { createKafka, ensureTopics } from '#messaging';
import { recreateTestDatabase } from '#platform';
import { BenchServices, producePopulation, serviceUrl, untilIngested, type ServiceName } from './bench-services.js';

/*
 * npm run bench:latency -- --companies 2000 --needs 20 --company-writes 50 --need-writes 5 [--seconds 60]
 *
 * Starts the three services on a throwaway database and broker, loads the population as partner events, then sends
 * REST writes at the given rates per second for `--seconds`, open loop (a slow answer does not slow the next write),
 * and times each from its request to the first `ShortlistUpdated` that carries its correlation id. Every write is
 * made to change a shortlist: the needs admit only companies with one capability (`mustHave`), a company write
 * gives or takes that capability from one of the bench's own companies, and a need write switches the gate of one of
 * every other need between that capability and one no company has (the others keep admitting the capability's
 * holders, so every company write changes a shortlist: use two needs or more). The last line is one JSON object; `p50Ms` of the first and second half
 * of the writes show whether a backlog grows.
 */
const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '2000' },
    needs: { type: 'string', default: '20' },
    'company-writes': { type: 'string', default: '50' },
    'need-writes': { type: 'string', default: '5' },
    seconds: { type: 'string', default: '60' },
    // Fewer than a shortlist holds (MATCHING_SHORTLIST_SIZE, 50): a full list of equal scores would turn some away.
    movers: { type: 'string', default: '40' },
  },
});
const companies = Number(values.companies);
const needs = Number(values.needs);
const companyRate = Number(values['company-writes']);
const needRate = Number(values['need-writes']);
const seconds = Number(values.seconds);
const movers = Number(values.movers);

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/parkmatch_bench_latency';
const kafkaBrokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19992').split(',');
const AUTHORIZATION = `Bearer ${process.env.PARKMATCH_API_KEY ?? 'dev-admin-key'}`;
// The gate every need starts with, held by about half the bench's own companies at any time; the other gate no
// company has.
const GATE = 'organ-on-chip';
const EMPTY_GATE = 'spatial-biology';
// Writes still unanswered this long after the last one are reported as unanswered.
const DRAIN_MS = 60_000;

const request = async (service: ServiceName, method: string, route: string, body: unknown, correlationId: string) => {
  const response = await fetch(serviceUrl(service, route), {
    method,
    headers: { authorization: AUTHORIZATION, 'content-type': 'application/json', 'x-correlation-id': correlationId },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
};

const percentile = (sorted: readonly number[], share: number): number =>
  sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0);
const median = (values: readonly number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

await recreateTestDatabase(databaseUrl, 'bench');
const kafka = createKafka('parkmatch-bench-latency', kafkaBrokers);
await ensureTopics(kafka);
// The bench writes faster than one key's default budget allows.
const services = new BenchServices({ databaseUrl, kafkaBrokers, env: { HTTP_RATE_LIMIT_PER_MINUTE: '100000000' } });
const client = new pg.Client({ connectionString: databaseUrl });
const arrivals = new Map<string, number>();
const consumer = kafka.consumer({ groupId: `parkmatch-bench-latency-${randomUUID()}`, maxWaitTimeInMs: 20 });
try {
  await services.start();
  await client.connect();

  // The population, as partner events; the needs admit only the gate's holders.
  const started = performance.now();
  await producePopulation(kafka, { companies, needs, need: { mustHave: [GATE] } });
  await untilIngested(client, { companies, needs, started, timeoutMs: 3_600_000 });

  // The bench's own companies, written over REST like the writes to come.
  const moverIds: string[] = [];
  for (let index = 0; index < movers; index += 1) {
    const body = { ...EXAMPLE_COMPANY_PROFILE, name: `Latency Organisation ${index}`, capabilities: [] };
    moverIds.push((await request('companies', 'POST', '/companies', body, randomUUID())).id);
  }
  await untilIngested(client, { companies: companies + movers, needs, started, timeoutMs: 3_600_000 });
  const needIds = (await client.query<{ id: string }>('SELECT id FROM rd_needs.need ORDER BY id')).rows.map(
    (row) => row.id,
  );

  await consumer.connect();
  await consumer.subscribe({ topic: TOPICS.matchingResults, fromBeginning: false });
  // A fetch comes only after the group is joined and the partitions' offsets are set: from then on, no answer is missed.
  const fetching = new Promise<void>((resolve) => consumer.on(consumer.events.FETCH, () => resolve()));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const envelope = JSON.parse(message.value?.toString() ?? '{}') as { type?: string; correlationId?: string };
      if (envelope.type !== 'ShortlistUpdated' || envelope.correlationId === undefined) return;
      if (!arrivals.has(envelope.correlationId)) arrivals.set(envelope.correlationId, performance.now());
    },
  });
  await fetching;

  // Open-loop writes: each is sent on its tick whatever the earlier ones are doing.
  const sent = new Map<string, number>();
  const failures: string[] = [];
  const moverHasGate = moverIds.map(() => false);
  const needGate = needIds.map(() => GATE);
  const write = (work: () => Promise<unknown>, correlationId: string): void => {
    sent.set(correlationId, performance.now());
    work().catch((error: unknown) => {
      sent.delete(correlationId);
      failures.push(error instanceof Error ? error.message : String(error));
    });
  };
  let companyWrites = 0;
  let needWrites = 0;
  const timers = [
    setInterval(() => {
      const index = companyWrites++ % moverIds.length;
      moverHasGate[index] = !moverHasGate[index];
      const capabilities = moverHasGate[index] ? [GATE] : [];
      const correlationId = randomUUID();
      write(
        () => request('companies', 'PATCH', `/companies/${moverIds[index]}`, { capabilities }, correlationId),
        correlationId,
      );
    }, 1_000 / companyRate),
    setInterval(() => {
      // Only every other need is switched, so the rest keep admitting the gate's holders and every company write
      // changes a shortlist.
      const index = (needWrites++ % Math.ceil(needIds.length / 2)) * 2;
      needGate[index] = needGate[index] === GATE ? EMPTY_GATE : GATE;
      const correlationId = randomUUID();
      write(
        () => request('rd-needs', 'PATCH', `/needs/${needIds[index]}`, { mustHave: [needGate[index]] }, correlationId),
        correlationId,
      );
    }, 1_000 / needRate),
  ];
  await sleep(seconds * 1_000);
  timers.forEach(clearInterval);
  const drainUntil = performance.now() + DRAIN_MS;
  while (performance.now() < drainUntil && [...sent.keys()].some((id) => !arrivals.has(id))) await sleep(100);

  const ordered = [...sent.entries()].sort((a, b) => a[1] - b[1]);
  const latencies = ordered.flatMap(([id, at]) => {
    const arrived = arrivals.get(id);
    return arrived === undefined ? [] : [arrived - at];
  });
  const sorted = [...latencies].sort((a, b) => a - b);
  const half = Math.floor(latencies.length / 2);
  if (failures.length > 0) console.error(`${failures.length} writes failed, first: ${failures[0]}`);
  console.log(
    JSON.stringify({
      writes: sent.size,
      companyWrites,
      needWrites,
      answered: latencies.length,
      unanswered: sent.size - latencies.length,
      failed: failures.length,
      p50Ms: Math.round(percentile(sorted, 0.5)),
      p95Ms: Math.round(percentile(sorted, 0.95)),
      p99Ms: Math.round(percentile(sorted, 0.99)),
      maxMs: Math.round(sorted.at(-1) ?? Number.NaN),
      firstHalfP50Ms: Math.round(median(latencies.slice(0, half))),
      secondHalfP50Ms: Math.round(median(latencies.slice(half))),
    }),
  );
} finally {
  await consumer.disconnect().catch(() => undefined);
  await client.end().catch(() => undefined);
  await services.stop();
}
process.exit(0);
