// `npm run bench:ingest -- --companies N --needs M`: a throwaway database (parkmatch_bench_ingest) and a fresh broker
// of its own (port 19892), so a running `npm start` is untouched. Re-prints the bench's JSON as the very last line.
// BENCH_SERVICES_ROOT=<another checkout, built> times that checkout's services instead (before/after comparisons).
import { runServicesBench } from './bench-runner.mjs';

await runServicesBench('ingest', 19892);
