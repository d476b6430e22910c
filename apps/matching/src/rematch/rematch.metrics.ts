import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '#platform';

/** Observed by the matching service's rematch jobs. */
export const rematchJobDuration = new Histogram({
  name: 'parkmatch_rematch_job_duration_seconds',
  help: 'Duration of rematch jobs, by trigger',
  labelNames: ['trigger'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
  registers: [metricsRegistry],
});

/** Counted as each rematch job ends: completed, cancelled or failed (a job released by a shutdown is not counted). */
export const rematchJobsFinished = new Counter({
  name: 'parkmatch_rematch_jobs_total',
  help: 'Rematch jobs that ended, by trigger and outcome (completed, cancelled, failed)',
  labelNames: ['trigger', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Set by the matching service after each scoring run: pairs scored divided by the run's seconds. */
export const scoringPairsPerSecond = new Gauge({
  name: 'parkmatch_scoring_pairs_per_second',
  help: 'Throughput of the last scoring run, in need × company pairs per second',
  registers: [metricsRegistry],
});
