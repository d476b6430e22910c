// `npm run dev`: Postgres and Kafka (if not running), one TypeScript compiler in watch mode, and the three services
// restarted by `node --watch` whenever their compiled code changes. One compiler for the whole tree rather than a
// `nest start <app> --watch` per service: three compilers of the same tree would triple the memory and the CPU.
import { spawn } from 'node:child_process';
import { log } from './infra.mjs';
import { buildTree, ROOT, SERVICES, startService, TSC_BUILD, waitForHealth } from './services.mjs';
import { DEV_KAFKA, runStackSession } from './stack-session.mjs';

await runStackSession(async (session) => {
  log('building…');
  buildTree();
  session.adopt(
    spawn(process.execPath, [...TSC_BUILD, '--watch', '--preserveWatchOutput'], { cwd: ROOT, stdio: 'inherit' }),
  );
  for (const service of SERVICES) {
    const child = startService(service, { KAFKA_BROKERS: `127.0.0.1:${DEV_KAFKA.port}` }, ['--watch']);
    session.adopt(child);
    await waitForHealth(`http://127.0.0.1:${service.port}/health`, child);
  }
  log('Parkmatch is up in watch mode (demo data: `npm run seed`):');
  for (const service of SERVICES) log(`  ${service.name.padEnd(10)} http://localhost:${service.port}`);
  log('edits under apps/ and libs/ recompile and restart the services; Ctrl-C stops it.');
});
