import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterMessage } from '../../libs/messaging/src/kafka/dead-letter.js';
import { createKafka } from '../../libs/messaging/src/kafka/kafka-client.js';
import { expectEventually } from '../../test/utils/expect-eventually.js';
import { testEnv } from '../../test/utils/test-env.js';
import { EXIT, runDlq } from './dlq-run.js';
import type { DlqOptions } from './dlq-args.js';

/** `npm run dlq` against the real broker: dead letters written the way the services write them, read and replayed. */
describe('the dlq command against the real broker', () => {
  const topic = `test.dlq-cli.${randomUUID()}`;
  const dlqTopic = `${topic}.dlq`;
  let kafka: Kafka;
  let admin: Admin;
  const event = (eventId: string, padding = '') =>
    JSON.stringify({ eventId, type: 'CompanyProfileSubmitted', padding });

  const park = async (partition: number, offset: number, value: string, maxBytes?: number) => {
    const producer = kafka.producer();
    await producer.connect();
    const message = deadLetterMessage(
      {
        topic,
        partition: 0,
        offset: String(offset),
        key: `key-${offset}`,
        value: Buffer.from(value),
        headers: { 'x-correlation-id': `corr-${offset}` },
        consumer: 'companies.partner-ingest',
        reason: `bad record ${offset}`,
        attempts: 1,
      },
      maxBytes,
    );
    await producer.send({ topic: dlqTopic, acks: -1, messages: [{ ...message, partition }] });
    await producer.disconnect();
  };

  const run = async (options: Partial<DlqOptions> & Pick<DlqOptions, 'command'>) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runDlq(
      { topic, ids: [], all: false, brokers: testEnv().kafkaBrokers, ...options },
      kafka,
      (text) => out.push(text),
      (text) => err.push(text),
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    kafka = createKafka('dlq-cli-test', testEnv().kafkaBrokers);
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic, numPartitions: 1, replicationFactor: 1 },
        { topic: dlqTopic, numPartitions: 2, replicationFactor: 1 },
      ],
    });
    await park(0, 10, event('ev-10'));
    await park(1, 11, event('ev-11'));
    await park(0, 12, event('ev-12', 'x'.repeat(5_000)), 2_000);
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic, dlqTopic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('lists every dead letter of every partition, by either topic name', async () => {
    const byOriginal = await run({ command: 'list' });
    const byDlq = await run({ command: 'list', topic: dlqTopic });
    expect(byOriginal.code).toBe(EXIT.ok);
    expect(
      byOriginal.out
        .split('\n')
        .slice(1)
        .map((line) => line.split(/\s+/)[0]),
    ).toEqual(['0:0', '0:1', '1:0']);
    expect(byOriginal.out).toContain('bad record 11');
    expect(byDlq.out).toBe(byOriginal.out);
  });

  it('shows a dead letter by event id with its headers and value', async () => {
    const { code, out } = await run({ command: 'show', ids: ['ev-11'] });
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(out)).toMatchObject({
      id: '1:0',
      original: { topic, partition: 0, offset: '11' },
      reason: 'bad record 11',
      eventId: 'ev-11',
      value: event('ev-11'),
    });
  });

  it('replays the original record to the original topic, without the dlq headers', async () => {
    const { code, out } = await run({ command: 'replay', ids: ['0:0'] });
    expect({ code, out }).toEqual({ code: EXIT.ok, out: `replayed 1 of 3 dead letters from ${dlqTopic}` });

    const received: KafkaMessage[] = [];
    const consumer = kafka.consumer({ groupId: `dlq-cli-test-${randomUUID()}`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message) });
    try {
      await expectEventually(() => expect(received).toHaveLength(1));
    } finally {
      await consumer.disconnect();
    }
    const [replayed] = received;
    expect({
      key: replayed?.key?.toString(),
      value: replayed?.value?.toString(),
      headers: Object.fromEntries(
        Object.entries(replayed?.headers ?? {}).map(([name, value]) => [name, String(value)]),
      ),
    }).toEqual({
      key: 'key-10',
      value: event('ev-10'),
      headers: { 'x-correlation-id': 'corr-10', 'dlq-replayed-from': `${dlqTopic}/0:0` },
    });
  });

  it('refuses truncated copies and ids that name nothing, sending nothing', async () => {
    const before = await admin.fetchTopicOffsets(topic);
    const truncated = await run({ command: 'replay', all: true });
    const unknown = await run({ command: 'replay', ids: ['ev-404'] });
    expect([truncated.code, unknown.code]).toEqual([EXIT.failed, EXIT.failed]);
    expect(truncated.err).toContain('cannot replay truncated dead letters');
    expect(truncated.err).toContain('0:1');
    expect(unknown.err).toContain('ev-404');
    expect(await admin.fetchTopicOffsets(topic)).toEqual(before);
  });
});
