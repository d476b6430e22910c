// `npm run bench:rematch -- --companies N --needs M`: a throwaway database (parkmatch_bench) and its own broker
// (port 19792), so a running `npm start` is untouched. Re-prints the bench's JSON as the very last line.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { isKafkaUp } from '../kafka/kafka.mjs';
import { ensureKafka, ensurePostgres, log, stopKafka, stopPostgres } from './infra.mjs';
import { buildTree, ROOT } from './services.mjs';

const KAFKA = { port: 19792, controllerPort: 19793, dataDir: path.join(ROOT, '.data', 'kafka-bench') };
const postgresStarted = await ensurePostgres();
if (!(await isKafkaUp(KAFKA.port))) rmSync(KAFKA.dataDir, { recursive: true, force: true });
const kafkaStarted = await ensureKafka(KAFKA);
let status = 1;
let lastLine = '';
try {
  buildTree();
  const bench = spawn(process.execPath, ['dist/tools/bench/rematch.bench.js', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/parkmatch_bench',
      KAFKA_BROKERS: `127.0.0.1:${KAFKA.port}`,
      KAFKA_GROUP_PREFIX: 'parkmatch-bench',
    },
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
  if (kafkaStarted) await stopKafka({ port: KAFKA.port, dataDir: KAFKA.dataDir });
  if (postgresStarted) stopPostgres();
}
if (status === 0 && lastLine) console.log(lastLine);
else log('bench failed');
process.exit(status);
