// `npm test`: the whole suite against a real Kafka broker and Postgres, beside a running `npm start` if there is one:
// its own broker (port 19092), database (parkmatch_test), service ports and consumer groups.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { isKafkaUp } from '../kafka/kafka.mjs';
import { ensureChromium, ensureKafka, ensurePostgres, log, stopKafka, stopPostgres } from './infra.mjs';
import { buildTree, ROOT } from './services.mjs';

// TEST_KAFKA_PORT, TEST_DATABASE_URL and TEST_PORT_BASE let several test runs share one machine.
const kafkaPort = Number(process.env.TEST_KAFKA_PORT ?? 19092);
const KAFKA = {
  port: kafkaPort,
  controllerPort: kafkaPort + 1,
  dataDir: path.join(ROOT, '.data', `kafka-test-${kafkaPort}`),
};
const env = {
  ...process.env,
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/parkmatch_test',
  KAFKA_BROKERS: `127.0.0.1:${KAFKA.port}`,
  KAFKA_GROUP_PREFIX: 'parkmatch-test',
  TEST_PORT_BASE: process.env.TEST_PORT_BASE ?? '4100',
};

const postgresStarted = await ensurePostgres();
// A fresh broker per run (no topics, offsets or groups left from an earlier run), unless one is already serving.
if (!(await isKafkaUp(KAFKA.port))) rmSync(KAFKA.dataDir, { recursive: true, force: true });
const kafkaStarted = await ensureKafka(KAFKA);
let status = 1;
try {
  // PARKMATCH_SKIP_LINT=1 is for local iterations on a subset (`npm test -- <jest args>`); CI always lints.
  if (process.env.PARKMATCH_SKIP_LINT !== '1' || process.env.CI) {
    log('linting…');
    const lint = spawnSync(process.execPath, ['node_modules/eslint/bin/eslint.js', '.'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (lint.status !== 0) throw new Error('lint failed');
  }
  log('building…');
  buildTree();
  // The dashboard's browser test (test/dashboard.e2e-spec.ts) drives Debian's chromium.
  ensureChromium();
  const prepare = spawnSync(process.execPath, ['dist/tools/test-infra/prepare.js'], {
    cwd: ROOT,
    stdio: 'inherit',
    env,
  });
  if (prepare.status !== 0) throw new Error('preparing the test database and topics failed');
  const jest = spawnSync(
    process.execPath,
    ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--runInBand', ...process.argv.slice(2)],
    { cwd: ROOT, stdio: 'inherit', env },
  );
  status = jest.status ?? 1;
} catch (error) {
  console.error(`[parkmatch] ${error instanceof Error ? error.message : error}`);
} finally {
  if (kafkaStarted) await stopKafka({ port: KAFKA.port, dataDir: KAFKA.dataDir });
  if (postgresStarted) stopPostgres();
}
process.exit(status);
