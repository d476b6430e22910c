import pg from 'pg';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { deadLetterTopicOf, TOPICS } from '#contracts';
import type { ProducedEvent } from './company-events.js';
import { testEnv } from './test-env.js';

/** The inbox consumer name of matching's projections (apps/matching ProfileEventsConsumer). */
export const PROJECTIONS_CONSUMER = 'matching.projections';
/** What matching consumes, and the dead-letter topics it writes to. */
export const MATCHING_TOPICS = [TOPICS.companyProfiles, TOPICS.rdNeeds];
export const MATCHING_DLQ_TOPICS = MATCHING_TOPICS.map(deadLetterTopicOf);
/** Schemas whose outbox must drain: one per service. */
export const SERVICE_SCHEMAS = ['companies', 'rd_needs', 'matching'];

export const matchingGroupId = (): string => `${process.env.KAFKA_GROUP_PREFIX ?? 'parkmatch-test'}.matching`;

export interface ProjectionState {
  readonly version: number;
  readonly name: string;
  readonly removed: boolean;
  readonly updatedAt: Date;
}

export type PartitionOffsets = Map<number, number>;

/**
 * Reads what the fault tests assert on, from outside the services: matching's inbox and projections in Postgres,
 * outbox backlogs, and the consumer group's committed offsets against the topics' ends.
 */
export class MatchingProbe {
  /** When the probe connected (database clock) and where matching's input topics ended then: the test's window. */
  private startedAt = new Date(0);
  private readonly startOffsets = new Map<string, PartitionOffsets>();

  private constructor(
    readonly pool: pg.Pool,
    private readonly admin: Admin,
  ) {}

  static async connect(): Promise<MatchingProbe> {
    const pool = new pg.Pool({ connectionString: testEnv().databaseUrl, max: 5 });
    // Idle connections die when a test takes the database away; the pool just opens new ones afterwards.
    pool.on('error', () => undefined);
    const kafka = new Kafka({
      clientId: 'parkmatch-fault-probe',
      brokers: testEnv().kafkaBrokers,
      logLevel: logLevel.NOTHING,
      retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 3 },
    });
    const admin = kafka.admin();
    await admin.connect();
    const probe = new MatchingProbe(pool, admin);
    const { rows } = await pool.query<{ now: Date }>('SELECT now()');
    probe.startedAt = rows[0]!.now;
    for (const topic of MATCHING_TOPICS) probe.startOffsets.set(topic, await probe.topicEnds(topic));
    return probe;
  }

  /** Whether `offset` on `topic`/`partition` was written after the probe connected (during the test). */
  isRecent(topic: string, partition: number, offset: number): boolean {
    const start = this.startOffsets.get(topic)?.get(partition);
    return start !== undefined && offset >= start;
  }

  async close(): Promise<void> {
    await this.admin.disconnect().catch(() => undefined);
    await this.pool.end();
  }

  /**
   * event id → when matching's inbox recorded it (processed_at, in microseconds since the epoch: sequential
   * transactions of one partition can share a millisecond) for those of `eventIds` it holds; one row per event at
   * most, by primary key.
   */
  async inboxRows(eventIds: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ event_id: string; micros: string }>(
      `SELECT event_id, (extract(epoch FROM processed_at) * 1000000)::bigint AS micros
       FROM matching.inbox WHERE consumer = $1 AND event_id = ANY($2::uuid[])`,
      [PROJECTIONS_CONSUMER, eventIds],
    );
    return new Map(rows.map((row) => [row.event_id, Number(row.micros)]));
  }

  async companyProjections(ids: readonly string[]): Promise<Map<string, ProjectionState>> {
    const { rows } = await this.pool.query<{
      id: string;
      version: number;
      name: string;
      removed: boolean;
      updated_at: Date;
    }>(
      `SELECT id, version, name, removed_at IS NOT NULL AS removed, updated_at
       FROM matching.company_projection WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        { version: row.version, name: row.name, removed: row.removed, updatedAt: row.updated_at },
      ]),
    );
  }

  async needVersions(ids: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ id: string; version: number }>(
      'SELECT id, version FROM matching.need_projection WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.version]));
  }

  /**
   * Outbox rows written since the probe connected and not yet published, over every service schema (rows other
   * test files left behind are theirs to drain).
   */
  async outboxBacklog(schemas: readonly string[] = SERVICE_SCHEMAS): Promise<number> {
    let total = 0;
    for (const schema of schemas) {
      const { rows } = await this.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL AND created_at >= $1`,
        [this.startedAt],
      );
      total += rows[0]?.n ?? 0;
    }
    return total;
  }

  /** The company events a service wrote to its outbox for `keys`, in outbox order: what REST writes produced. */
  async outboxCompanyEvents(schema: string, keys: readonly string[]): Promise<ProducedEvent[]> {
    const { rows } = await this.pool.query<{
      event_id: string;
      topic: string;
      message_key: string;
      event_type: string;
      version: number;
      name: string | null;
    }>(
      `SELECT event_id, topic, message_key, event_type, (envelope->>'entityVersion')::int AS version,
         envelope->'payload'->>'name' AS name
       FROM "${schema}".outbox WHERE message_key = ANY($1::text[]) ORDER BY id`,
      [keys],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      topic: row.topic,
      key: row.message_key,
      type: row.event_type,
      version: row.version,
      name: row.event_type === 'CompanyProfileDeleted' ? null : row.name,
    }));
  }

  /** How many of `keys`' outbox rows in `schema` wait to be published. */
  async unpublished(schema: string, keys: readonly string[]): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL AND message_key = ANY($1::text[])`,
      [keys],
    );
    return rows[0]?.n ?? 0;
  }

  /** Each partition's end (the offset the next message will get). */
  async topicEnds(topic: string): Promise<PartitionOffsets> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((entry) => [entry.partition, Number(entry.high)]));
  }

  /** How many messages `topics` hold now. */
  async messageCount(topics: readonly string[]): Promise<number> {
    let total = 0;
    for (const topic of topics) {
      for (const entry of await this.admin.fetchTopicOffsets(topic)) total += Number(entry.high) - Number(entry.low);
    }
    return total;
  }

  /** The matching group's committed offsets on `topic` (-1 where it has committed nothing). */
  async committedOffsets(topic: string): Promise<PartitionOffsets> {
    const [result] = await this.admin.fetchOffsets({ groupId: matchingGroupId(), topics: [topic] });
    return new Map((result?.partitions ?? []).map((entry) => [entry.partition, Number(entry.offset)]));
  }

  /** Messages on matching's input topics that its group has not committed past. */
  async lag(): Promise<number> {
    let lag = 0;
    for (const topic of MATCHING_TOPICS) {
      const [ends, lows, committed] = await Promise.all([
        this.topicEnds(topic),
        this.admin.fetchTopicOffsets(topic),
        this.committedOffsets(topic),
      ]);
      for (const low of lows) {
        const end = ends.get(low.partition) ?? 0;
        const position = committed.get(low.partition) ?? -1;
        lag += Math.max(0, end - (position < 0 ? Number(low.low) : position));
      }
    }
    return lag;
  }

  /** Row count and a digest of every row of each matching table: equal digests mean nothing was written. */
  async matchingStateDigest(): Promise<Record<string, string>> {
    const digest: Record<string, string> = {};
    for (const table of ['company_projection', 'need_projection', 'shortlist_entry', 'inbox', 'outbox']) {
      const { rows } = await this.pool.query<{ n: number; md5: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS md5
         FROM matching.${table} t`,
      );
      digest[table] = `${rows[0]?.n} rows, ${rows[0]?.md5}`;
    }
    return digest;
  }

  /** Rewinds matching's group to the start of its topics; the group must have no members. */
  async rewindToEarliest(): Promise<void> {
    for (const topic of MATCHING_TOPICS) {
      await this.admin.resetOffsets({ groupId: matchingGroupId(), topic, earliest: true });
    }
  }
}

/** How many messages lie between `from` and `to` (per-partition offsets), counting only forward progress. */
export const messagesBetween = (from: PartitionOffsets, to: PartitionOffsets): number => {
  let total = 0;
  for (const [partition, start] of from) total += Math.max(0, (to.get(partition) ?? -1) - start);
  return total;
};

/**
 * Polls projection versions while a fault plays out and records every time a key's version went down; matching
 * must never expose an older state after a newer one.
 */
export class VersionWatcher {
  readonly regressions: string[] = [];
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(
    private readonly probe: MatchingProbe,
    private readonly ids: readonly string[],
  ) {}

  start(intervalMs = 100): this {
    this.timer = setInterval(() => void this.poll(), intervalMs).unref();
    return this;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.poll();
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (const [id, state] of await this.probe.companyProjections(this.ids)) {
        const before = this.seen.get(id) ?? 0;
        if (state.version < before) this.regressions.push(`${id}: ${before} → ${state.version}`);
        this.seen.set(id, Math.max(before, state.version));
      }
    } catch {
      // The database may be away on purpose; the next poll catches up.
    } finally {
      this.polling = false;
    }
  }
}
