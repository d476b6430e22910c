import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { migrateService, recreateTestDatabase } from '#platform';
import { createKafka, ensureTopics, OutboxRelay } from '#messaging';
import { AppModule } from '../../apps/matching/src/app.module.js';
import { matchingDataSource } from '../../apps/matching/src/database/matching.data-source.js';
import { readMatchingConfig } from '../../apps/matching/src/matching.config.js';
import { RematchService } from '../../apps/matching/src/rematch/rematch.service.js';
import type { RematchJobView } from '../../apps/matching/src/rematch/rematch.dto.js';
import { loadSyntheticProjections } from './synthetic-projections.js';

/*
 * npm run bench:rematch -- --companies 100000 --needs 1000 [--seed N]
 *
 * Loads a synthetic population into matching's projections in a throwaway database (bulk), then runs one full
 * rematch job through the matching service's own code (the Nest module, the job runner, the engine's fast path,
 * shortlist persistence, the outbox relay to a real broker) and times it from the request until the job completed
 * and every event it produced was acknowledged by the broker. The last line is one JSON object.
 */
const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '100000' },
    needs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '20240611' },
  },
});
const companies = Number(values.companies);
const needs = Number(values.needs);

const config = readMatchingConfig();
await recreateTestDatabase(config.databaseUrl, 'bench');
await migrateService(matchingDataSource(config.databaseUrl));
await ensureTopics(createKafka('parkmatch-bench-admin', config.kafkaBrokers));
const app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: ['error', 'warn'] });
await app.init();
const dataSource = app.get(DataSource);

let started = performance.now();
await loadSyntheticProjections(dataSource, { companies, needs, seed: Number(values.seed) });
console.error(
  `loaded ${companies} companies and ${needs} needs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const rematch = app.get(RematchService);
started = performance.now();
let job: RematchJobView = (await rematch.request({ scope: 'all', reason: 'bench', requestedBy: 'bench' })).job;
while (job.status === 'queued' || job.status === 'running') {
  await sleep(50);
  job = await rematch.get(job.id);
}
if (job.status !== 'completed') throw new Error(`rematch ${job.status}: ${job.error ?? ''}`);
const jobDone = performance.now();
const relay = app.get(OutboxRelay);
while ((await relay.backlog()) > 0) await sleep(20);
const seconds = (performance.now() - started) / 1000;
const [published] = await dataSource.query<{ n: number }[]>(
  `SELECT count(*)::int AS n FROM matching.outbox WHERE event_type = 'ShortlistUpdated' AND published_at IS NOT NULL`,
);
await app.close();

console.error(
  `breakdown (ms): load projections ${job.timings.loadMs}, rank ${job.timings.scoreMs}, persist ${job.timings.persistMs}, ` +
    `job total ${job.timings.totalMs}, publish drain after the job ${Math.round(performance.now() - jobDone)}`,
);
console.log(
  JSON.stringify({
    companies,
    needs,
    seconds: Number(seconds.toFixed(3)),
    pairsPerSecond: Math.round((companies * needs) / seconds),
    rowsWritten: job.rowsWritten,
    eventsPublished: published?.n ?? 0,
  }),
);
process.exit(0);
