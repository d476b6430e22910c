// `npm run bench:ingest -- --companies N --needs M`: a throwaway database (parkmatch_bench_ingest) and a fresh broker
// of its own (port 19892), so a running `npm start` is untouched. Re-prints the bench's JSON as the very last line.
// BENCH_SERVICES_ROOT=<another checkout, built> times that checkout's services instead (before/after comparisons).
import path from 'node:path';
import { runBench } from './bench-runner.mjs';
import { ROOT } from './services.mjs';

await runBench({
  kafka: { port: 19892, controllerPort: 19893, dataDir: path.join(ROOT, '.data', 'kafka-bench-ingest') },
  script: 'dist/tools/bench/ingest.bench.js',
  env: {
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/parkmatch_bench_ingest',
  },
  freshBroker: true,
});
