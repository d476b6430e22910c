// `npm start`: Postgres and Kafka (if not running), build, the three services, demo data; Ctrl-C stops what it started.
import { log } from './infra.mjs';
import { buildTree, SERVICES, startService, waitForHealth } from './services.mjs';
import { DEV_KAFKA, runStackSession } from './stack-session.mjs';

await runStackSession(async (session) => {
  log('building…');
  buildTree();
  for (const service of SERVICES) {
    const child = startService(service, { KAFKA_BROKERS: `127.0.0.1:${DEV_KAFKA.port}` });
    session.adopt(child);
    child.once('exit', (code, signal) => {
      if (!session.stopping()) {
        log(`${service.name} exited (${signal ?? code}); stopping the stack`);
        void session.stopAll(1);
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
});
