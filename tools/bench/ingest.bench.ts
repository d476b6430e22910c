import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createKafka, ensureTopics } from '#messaging';
import { recreateTestDatabase } from '#platform';
import { BenchServices, producePopulation, untilIngested } from './bench-services.js';

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
const services = new BenchServices({ databaseUrl, kafkaBrokers });
await recreateTestDatabase(databaseUrl, 'bench');
const kafka = createKafka('parkmatch-bench-ingest', kafkaBrokers);
await ensureTopics(kafka);
const client = new pg.Client({ connectionString: databaseUrl });
try {
  await services.start();
  await client.connect();
  const started = performance.now();
  await producePopulation(kafka, { companies, needs });
  console.error(
    `produced ${companies} companies and ${needs} needs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const storedAt = await untilIngested(client, { companies, needs, started, timeoutMs });
  const seconds = (performance.now() - started) / 1000;
  const companiesSeconds = (storedAt - started) / 1000;
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
  await services.stop();
}
process.exit(0);
