import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '#platform';

const registers = [metricsRegistry];

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

/** Read at scrape time, from sources the running service registers. */
const sources: {
  outboxBacklog?: () => Promise<number>;
  consumerLag?: () => Promise<
    { group: string; topics: Record<string, number>; stalled: readonly { topic: string }[] } | undefined
  >;
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

export const consumerStalledPartitions = new Gauge({
  name: 'parkmatch_consumer_stalled_partitions',
  help: 'Partitions whose committed offset has not moved while messages wait, for HEALTH_CONSUMER_STALL_MS, by group',
  labelNames: ['group'] as const,
  registers,
  async collect() {
    this.reset();
    const lag = await sources.consumerLag?.().catch(() => undefined);
    if (lag) this.set({ group: lag.group }, lag.stalled.length);
  },
});

export const consumerRestarts = new Counter({
  name: 'parkmatch_consumer_restarts_total',
  help: 'Consumers restarted by their service after a crash kafkajs does not recover from, by consumer group',
  labelNames: ['group'] as const,
  registers,
});
