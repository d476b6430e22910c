import { intVar, positiveIntVar, readEnv, type EnvSpec } from '../env/env.js';

/** How long each service keeps its outbox and inbox rows, and how often it prunes them. */
export interface RetentionConfig {
  /** Published outbox rows older than this are deleted; an unpublished row never is. */
  readonly outboxRetentionHours: number;
  /**
   * Inbox rows (consumer, eventId) older than this are deleted. It must be at least the consumed topics' retention
   * (Kafka's `retention.ms`, 168 h by default): a message still in the topic can be redelivered or replayed, and only
   * its inbox row keeps its effects from being applied twice.
   */
  readonly inboxRetentionHours: number;
  /** How often the pruning runs; 0 turns it off. */
  readonly intervalMs: number;
  /** Rows deleted per statement, each its own short transaction. */
  readonly batchSize: number;
}

const hoursVar = (name: string, fallback: number): EnvSpec<number> => ({
  ...positiveIntVar(name, fallback),
  expected: 'a positive whole number of hours',
});

/** Kafka's default topic retention (`log.retention.hours`), which the inbox must outlive. */
export const KAFKA_DEFAULT_RETENTION_HOURS = 168;

/** OUTBOX_RETENTION_HOURS, INBOX_RETENTION_HOURS, RETENTION_INTERVAL_MS, RETENTION_BATCH_SIZE. */
export const readRetentionConfig = (env: NodeJS.ProcessEnv = process.env): RetentionConfig =>
  readEnv(
    {
      outboxRetentionHours: hoursVar('OUTBOX_RETENTION_HOURS', 168),
      inboxRetentionHours: hoursVar('INBOX_RETENTION_HOURS', 336),
      intervalMs: intVar('RETENTION_INTERVAL_MS', 600_000),
      batchSize: positiveIntVar('RETENTION_BATCH_SIZE', 1_000),
    },
    env,
  );
