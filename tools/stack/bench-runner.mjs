// What every `npm run bench:*` shares: Postgres up, a broker of the bench's own (so a running `npm start` is
// untouched), the project built, then the compiled bench run with the given environment; the bench's JSON is
// re-printed as the very last line, and the broker (and Postgres) stopped if the bench started them.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { isKafkaUp } from '../kafka/kafka.mjs';
import { ensureKafka, ensurePostgres, log, stopKafka, stopPostgres } from './infra.mjs';
import { buildTree, ROOT } from './services.mjs';

/**
 * @param {{ kafka: { port: number, controllerPort: number, dataDir: string }, script: string, env: Record<string, string>,
 *   freshBroker?: boolean }} bench `freshBroker` refuses a broker already serving the port instead of reusing it.
 */
export const runBench = async ({ kafka, script, env, freshBroker = false }) => {
  const brokerUp = await isKafkaUp(kafka.port);
  if (brokerUp && freshBroker) {
    log(`a broker already serves port ${kafka.port}: the bench needs a fresh one (another bench running?)`);
    process.exit(1);
  }
  const postgresStarted = await ensurePostgres();
  if (!brokerUp) rmSync(kafka.dataDir, { recursive: true, force: true });
  const kafkaStarted = await ensureKafka(kafka);
  let status = 1;
  let lastLine = '';
  try {
    buildTree();
    const bench = spawn(process.execPath, [script, ...process.argv.slice(2)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env, KAFKA_BROKERS: `127.0.0.1:${kafka.port}` },
    });
    bench.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = String(chunk).trim().split('\n');
      lastLine = lines.at(-1) ?? lastLine;
    });
    status = await new Promise((resolve) => bench.once('exit', (code) => resolve(code ?? 1)));
  } catch (error) {
    console.error(`[parkmatch] ${error instanceof Error ? error.message : error}`);
  } finally {
    if (kafkaStarted) await stopKafka({ port: kafka.port, dataDir: kafka.dataDir });
    if (postgresStarted) stopPostgres();
  }
  if (status === 0 && lastLine) console.log(lastLine);
  else log('bench failed');
  process.exit(status);
};

/**
 * A bench of the three services (`tools/bench/<name>.bench.ts`): its own database (`parkmatch_bench_<name>`, or
 * BENCH_DATABASE_URL) and a fresh broker of its own on `port`, so a running `npm start` is untouched.
 */
export const runServicesBench = (name, port) =>
  runBench({
    kafka: { port, controllerPort: port + 1, dataDir: path.join(ROOT, '.data', `kafka-bench-${name}`) },
    script: `dist/tools/bench/${name}.bench.js`,
    env: {
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/parkmatch_bench_${name}`,
    },
    freshBroker: true,
  });
