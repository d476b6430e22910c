import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The service's Prometheus registry, served at /metrics; every metric here is labelled with the service name. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const registers = [metricsRegistry];

export const httpRequestDuration = new Histogram({
  name: 'parkmatch_http_request_duration_seconds',
  help: 'HTTP request latency by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

export const eventsConsumed = new Counter({
  name: 'parkmatch_events_consumed_total',
  help: 'Consumed events by consumer, topic and outcome (applied, duplicate, dead-lettered)',
  labelNames: ['consumer', 'topic', 'outcome'] as const,
  registers,
});

export const eventsProduced = new Counter({
  name: 'parkmatch_events_produced_total',
  help: 'Events published from the outbox and acknowledged by the brokers, by topic',
  labelNames: ['topic'] as const,
  registers,
});

export const eventsDeadLettered = new Counter({
  name: 'parkmatch_events_dead_lettered_total',
  help: 'Messages sent to a dead-letter topic, by consumer and original topic',
  labelNames: ['consumer', 'topic'] as const,
  registers,
});

export const eventsStale = new Counter({
  name: 'parkmatch_events_stale_total',
  help: 'Events ignored because a newer version of their entity was already applied, by consumer',
  labelNames: ['consumer'] as const,
  registers,
});

export const eventRetries = new Counter({
  name: 'parkmatch_event_retries_total',
  help: 'Retries of a consumed event after a failed attempt, by consumer',
  labelNames: ['consumer'] as const,
  registers,
});

export const unmappedTerms = new Counter({
  name: 'parkmatch_unmapped_terms_total',
  help: 'Partner terms no vocabulary term matched, kept as unmapped terms, by vocabulary',
  labelNames: ['vocabulary'] as const,
  registers,
});

/** Observed by the matching service's rematch jobs. */
export const rematchJobDuration = new Histogram({
  name: 'parkmatch_rematch_job_duration_seconds',
  help: 'Duration of rematch jobs, by trigger',
  labelNames: ['trigger'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
  registers,
});

/** Set by the matching service after each scoring run: pairs scored divided by the run's seconds. */
export const scoringPairsPerSecond = new Gauge({
  name: 'parkmatch_scoring_pairs_per_second',
  help: 'Throughput of the last scoring run, in need × company pairs per second',
  registers,
});

/** Read at scrape time, from sources the running service registers. */
const sources: {
  outboxBacklog?: () => Promise<number>;
  consumerLag?: () => Promise<{ group: string; topics: Record<string, number> } | undefined>;
} = {};

export const observeOutboxBacklog = (read: () => Promise<number>): void => {
  sources.outboxBacklog = read;
};

export const observeConsumerLag = (read: NonNullable<typeof sources.consumerLag>): void => {
  sources.consumerLag = read;
};

export const outboxBacklog = new Gauge({
  name: 'parkmatch_outbox_backlog',
  help: 'Outbox rows not yet published',
  registers,
  async collect() {
    if (!sources.outboxBacklog) return;
    try {
      this.set(await sources.outboxBacklog());
    } catch {
      // the database is away: no sample rather than a failed scrape
    }
  },
});

export const consumerLag = new Gauge({
  name: 'parkmatch_consumer_lag',
  help: "Messages not yet consumed by the service's consumer group, by topic",
  labelNames: ['group', 'topic'] as const,
  registers,
  async collect() {
    this.reset();
    const lag = await sources.consumerLag?.().catch(() => undefined);
    for (const [topic, value] of Object.entries(lag?.topics ?? {})) this.set({ group: lag!.group, topic }, value);
  },
});
