// `npm start`: Postgres and Kafka (if not running), build, the three services, demo data; Ctrl-C stops what it started.
import { spawnSync } from 'node:child_process';
import { ensureKafka, ensurePostgres, log, stopKafka, stopPostgres } from './infra.mjs';
import { ROOT, SERVICES, startService, stopChild, waitForHealth } from './services.mjs';

const KAFKA = { port: 9092, controllerPort: 9093 };
const started = { postgres: false, kafka: false, services: [] };
let stopping;

const stopAll = (code) =>
  (stopping ??= (async () => {
    log('stopping…');
    await Promise.all(started.services.map((child) => stopChild(child)));
    if (started.kafka) await stopKafka({ port: KAFKA.port });
    if (started.postgres) stopPostgres();
    log('stopped everything this command started');
    process.exit(code);
  })());

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  started.postgres = await ensurePostgres();
  started.kafka = await ensureKafka(KAFKA);
  log('building…');
  const build = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('build failed');
  for (const service of SERVICES) {
    const child = startService(service, { KAFKA_BROKERS: `127.0.0.1:${KAFKA.port}` });
    started.services.push(child);
    child.once('exit', (code, signal) => {
      if (!stopping) {
        log(`${service.name} exited (${signal ?? code}); stopping the stack`);
        void stopAll(1);
      }
    });
    await waitForHealth(`http://127.0.0.1:${service.port}/health`, child);
  }
  const { seedDemoData } = await import('../../dist/tools/seed/seed.js');
  const seeded = await seedDemoData({ companiesUrl: 'http://127.0.0.1:3001', needsUrl: 'http://127.0.0.1:3002' });
  log(
    `demo data: ${seeded.companies} companies, ${seeded.needs} R&D needs (created ${seeded.created}, updated ${seeded.updated})`,
  );
  log('Parkmatch is up:');
  for (const service of SERVICES) log(`  ${service.name.padEnd(10)} http://localhost:${service.port}`);
  log('Ctrl-C stops it.');
} catch (error) {
  console.error(`[parkmatch] ${error instanceof Error ? error.message : error}`);
  await stopAll(1);
}
