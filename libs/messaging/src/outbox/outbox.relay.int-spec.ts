import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { DataSource, type QueryRunner } from 'typeorm';
import { TOPICS } from '#contracts';
import { expectEventually } from '../../../../test/utils/expect-eventually.js';
import { KafkaCapture } from '../../../../test/utils/kafka-capture.js';
import { testEnv } from '../../../../test/utils/test-env.js';
import { migrateService, serviceDataSourceOptions, type ServiceDataSourceSpec } from '#platform';
import { createMessagingTables } from '../database/messaging-tables.js';
import { InboxEntryEntity } from '../inbox/inbox-entry.entity.js';
import { OutboxMessageEntity } from './outbox-message.entity.js';
import { createKafka } from '../kafka/kafka-client.js';
import { OutboxRelay } from './outbox.relay.js';
import { OutboxWriter } from './outbox.writer.js';

describe('OutboxRelay against Postgres and the real broker', () => {
  let dataSource: DataSource;
  let producer: Producer;
  let relay: OutboxRelay;
  let capture: KafkaCapture;

  const schema = 'outbox_relay_test';

  beforeAll(async () => {
    const { databaseUrl, kafkaBrokers } = testEnv();
    class CreateRelayTestSchema1764028800000 {
      name = 'CreateRelayTestSchema1764028800000';
      up = (queryRunner: QueryRunner) => createMessagingTables(queryRunner, schema);
      down = async () => undefined;
    }
    const spec: ServiceDataSourceSpec = {
      schema,
      url: databaseUrl,
      entities: [OutboxMessageEntity, InboxEntryEntity],
      migrations: [CreateRelayTestSchema1764028800000],
    };
    await migrateService(spec);
    dataSource = await new DataSource(serviceDataSourceOptions(spec)).initialize();
    producer = createKafka('outbox-relay-test', kafkaBrokers).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    relay = new OutboxRelay(dataSource, producer, { schema, databaseUrl });
    capture = await KafkaCapture.start([TOPICS.companyProfiles]);
  }, 60_000);

  afterAll(async () => {
    await relay.stop();
    await capture.stop();
    await producer.disconnect();
    await dataSource.destroy();
  });

  it('publishes committed events in order per key, marks them sent, and never publishes a rolled-back one', async () => {
    const writer = new OutboxWriter('test', schema);
    const id = randomUUID();
    const deleted = (version: number) => ({
      topic: TOPICS.companyProfiles,
      type: 'CompanyProfileDeleted' as const,
      key: id,
      payload: { id, version },
      entityVersion: version,
    });
    await dataSource.transaction((manager) => writer.enqueue(manager, [deleted(1), deleted(2)]));
    await dataSource
      .transaction(async (manager) => {
        await writer.enqueue(manager, [deleted(99)]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await dataSource.transaction((manager) => writer.enqueue(manager, [deleted(3)]));
    relay.start();

    await expectEventually(() => {
      const versions = capture.messages
        .filter((m) => m.key === id)
        .map((m) => (m.value as { entityVersion: number }).entityVersion);
      expect(versions).toEqual([1, 2, 3]);
    });
    await expectEventually(async () => expect(await relay.backlog()).toBe(0));
    const headers = capture.messages.find((m) => m.key === id)?.headers;
    expect(headers?.['event-type']).toBe('CompanyProfileDeleted');
  }, 30_000);
});
