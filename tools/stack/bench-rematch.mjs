// `npm run bench:rematch -- --companies N --needs M`: a throwaway database (parkmatch_bench) and its own broker
// (port 19792), so a running `npm start` is untouched. Re-prints the bench's JSON as the very last line.
import path from 'node:path';
import { runBench } from './bench-runner.mjs';
import { ROOT } from './services.mjs';

await runBench({
  kafka: { port: 19792, controllerPort: 19793, dataDir: path.join(ROOT, '.data', 'kafka-bench') },
  script: 'dist/tools/bench/rematch.bench.js',
  env: {
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/parkmatch_bench',
    KAFKA_GROUP_PREFIX: 'parkmatch-bench',
  },
});
