import 'reflect-metadata';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource, type QueryRunner } from 'typeorm';
import { migrateService, serviceDataSourceOptions, type RetentionConfig, type ServiceDataSourceSpec } from '#platform';
import { expectEventually } from '../../../../test/utils/expect-eventually.js';
import { testEnv } from '../../../../test/utils/test-env.js';
import {
  createInboxVersionTable,
  createMessagingTables,
  createRetentionIndexes,
} from '../database/messaging-tables.js';
import { InboxEntryEntity } from '../inbox/inbox-entry.entity.js';
import { InboxVersionEntity } from '../inbox/inbox-version.entity.js';
import { claimEntityVersion, claimInboxEntry } from '../inbox/inbox.repository.js';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import { MessagingRetention } from './messaging-retention.js';
import { RetentionRepository } from './retention.repository.js';

const schema = 'retention_test';
const POLICY: RetentionConfig = { outboxRetentionHours: 168, inboxRetentionHours: 336, intervalMs: 0, batchSize: 10 };

describe('MessagingRetention against Postgres', () => {
  let dataSource: DataSource;

  /** An outbox row created and (unless `publishedHoursAgo` is null) published that many hours ago. */
  const outboxRow = async (label: string, publishedHoursAgo: number | null, createdHoursAgo = 1_000) => {
    await dataSource.query(
      `INSERT INTO "${schema}".outbox (topic, message_key, event_id, event_type, envelope, created_at, published_at)
       VALUES ('t', $1, $2, 'TestEvent', '{}', now() - make_interval(hours => $3),
               CASE WHEN $4::int IS NULL THEN NULL ELSE now() - make_interval(hours => $4::int) END)`,
      [label, randomUUID(), createdHoursAgo, publishedHoursAgo],
    );
  };
  const inboxRow = async (eventId: string, processedHoursAgo: number) => {
    await dataSource.query(
      `INSERT INTO "${schema}".inbox (consumer, event_id, processed_at) VALUES ('c', $1, now() - make_interval(hours => $2))`,
      [eventId, processedHoursAgo],
    );
  };
  const outboxKeys = async (): Promise<string[]> =>
    (await dataSource.query<{ message_key: string }[]>(`SELECT message_key FROM "${schema}".outbox ORDER BY id`)).map(
      (row) => row.message_key,
    );
  const inboxIds = async (): Promise<string[]> =>
    (await dataSource.query<{ event_id: string }[]>(`SELECT event_id FROM "${schema}".inbox ORDER BY event_id`)).map(
      (row) => row.event_id,
    );
  const retention = (policy: Partial<RetentionConfig> = {}) =>
    new MessagingRetention(new RetentionRepository(dataSource, schema), { ...POLICY, ...policy });

  beforeAll(async () => {
    const { databaseUrl } = testEnv();
    class CreateRetentionTestSchema1764028800000 {
      name = 'CreateRetentionTestSchema1764028800000';
      up = async (queryRunner: QueryRunner) => {
        await createMessagingTables(queryRunner, schema);
        await createInboxVersionTable(queryRunner, schema);
        await createRetentionIndexes(queryRunner, schema);
      };
      down = async () => undefined;
    }
    const spec: ServiceDataSourceSpec = {
      schema,
      url: databaseUrl,
      entities: [OutboxMessageEntity, InboxEntryEntity, InboxVersionEntity],
      migrations: [CreateRetentionTestSchema1764028800000],
    };
    await migrateService(spec);
    dataSource = await new DataSource(serviceDataSourceOptions(spec)).initialize();
  }, 60_000);

  beforeEach(async () => {
    await dataSource.query(`TRUNCATE "${schema}".outbox, "${schema}".inbox, "${schema}".inbox_version`);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('deletes published outbox rows past retention, never an unpublished one however old', async () => {
    await outboxRow('published 8 days ago', 8 * 24);
    await outboxRow('published 6 days ago', 6 * 24);
    await outboxRow('unpublished, created 30 days ago', null, 30 * 24);
    await outboxRow('published just now', 0);

    expect(await retention().prune()).toMatchObject({ outbox: 1 });
    expect(await outboxKeys()).toEqual([
      'published 6 days ago',
      'unpublished, created 30 days ago',
      'published just now',
    ]);
  });

  it('deletes inbox rows past retention, keeps younger ones so their redeliveries are still skipped', async () => {
    const old = randomUUID();
    const young = randomUUID();
    await inboxRow(old, 15 * 24);
    await inboxRow(young, 13 * 24);

    expect(await retention().prune()).toEqual({ outbox: 0, inbox: 1 });
    expect(await inboxIds()).toEqual([young]);
    const redelivered = await dataSource.transaction((manager) => claimInboxEntry(manager, 'c', young));
    expect(redelivered).toBe(false);
  });

  it('never prunes inbox_version: an older partner version stays stale however long ago the newer one came', async () => {
    await dataSource.transaction((manager) => claimEntityVersion(manager, 'c', '["ukbia","42"]', 5));
    await inboxRow(randomUUID(), 100 * 24);

    expect(await retention().prune()).toEqual({ outbox: 0, inbox: 1 });
    const stale = await dataSource.transaction((manager) => claimEntityVersion(manager, 'c', '["ukbia","42"]', 4));
    expect(stale).toBe(false);
  });

  it('deletes in batches of the configured size until nothing past retention is left', async () => {
    for (let i = 0; i < 25; i++) await outboxRow(`old ${i}`, 200);
    for (let i = 0; i < 23; i++) await inboxRow(randomUUID(), 400);
    await outboxRow('kept', 1);
    const statements: number[] = [];
    const repository = new RetentionRepository(dataSource, schema);
    const counting = Object.assign(Object.create(repository) as RetentionRepository, {
      deletePublishedOutboxBatch: async (cutoff: Date, limit: number) => {
        const deleted = await repository.deletePublishedOutboxBatch(cutoff, limit);
        statements.push(deleted);
        return deleted;
      },
    });

    expect(await new MessagingRetention(counting, POLICY).prune()).toEqual({ outbox: 25, inbox: 23 });
    expect(statements).toEqual([10, 10, 5]);
    expect(await outboxKeys()).toEqual(['kept']);
  });

  it('steps over a row another transaction holds instead of waiting for it', async () => {
    await outboxRow('held', 200);
    await outboxRow('free', 200);
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT id FROM "${schema}".outbox WHERE message_key = 'held' FOR UPDATE`);
      expect(await retention().prune()).toMatchObject({ outbox: 1 });
      expect(await outboxKeys()).toEqual(['held']);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(await retention().prune()).toMatchObject({ outbox: 1 });
    expect(await outboxKeys()).toEqual([]);
  });

  it('runs on its schedule once started, and stops promptly', async () => {
    const scheduled = retention({ intervalMs: 50 });
    scheduled.start();
    try {
      await outboxRow('old', 200);
      await inboxRow(randomUUID(), 400);
      await expectEventually(async () => {
        expect(await outboxKeys()).toEqual([]);
        expect(await inboxIds()).toEqual([]);
      });
    } finally {
      await scheduled.stop();
    }
  });

  it('does not run with RETENTION_INTERVAL_MS=0', async () => {
    await outboxRow('old', 200);
    const off = retention({ intervalMs: 0 });
    off.start();
    // stop() awaits a running loop, whose first pass would have pruned the row.
    await off.stop();
    expect(await outboxKeys()).toEqual(['old']);
  });
});
