// `npm run bench:latency -- --companies N --needs M --company-writes C --need-writes W`: a throwaway database
// (parkmatch_bench_latency) and a fresh broker of its own (port 19992), so a running `npm start` is untouched.
// Re-prints the bench's JSON as the very last line. BENCH_SERVICES_ROOT=<another checkout, built> times that
// checkout's services instead.
import { runServicesBench } from './bench-runner.mjs';

await runServicesBench('latency', 19992);
