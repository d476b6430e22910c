import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import { aCompany } from './factories/company.factory.js';
import { companyIdsOnPartition } from './utils/company-events.js';
import { EventPublisher } from './utils/event-publisher.js';
import { expectEventually } from './utils/expect-eventually.js';
import { http } from './utils/http.js';
import { KafkaCapture } from './utils/kafka-capture.js';
import { ServiceProcess } from './utils/service-process.js';

interface StoredCompany {
  readonly id: string;
  readonly name: string;
  readonly version: number;
}

interface UpsertedEvent {
  readonly type: string;
  readonly payload: { readonly id: string; readonly name: string; readonly version: number };
}

/**
 * Partner events produced in one request to one partition arrive as one batch and are applied in one transaction.
 * A poison event in the middle (valid to the contract, refused by Postgres) must not take the batch down with it:
 * exactly that event is dead-lettered, at once; every other event applies once, in offset order.
 */
describe('batched intake', () => {
  const companies = new ServiceProcess('companies', 91);
  let publisher: EventPublisher;
  let capture: KafkaCapture;
  const source = `batch-partner-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    await companies.start();
    publisher = await EventPublisher.connect();
    capture = await KafkaCapture.start([`${TOPICS.partnerCompanyProfiles}.dlq`, TOPICS.companyProfiles]);
  }, 120_000);

  afterAll(async () => {
    await capture?.stop();
    await publisher?.disconnect();
    await companies.stop();
  }, 60_000);

  const submission = (key: string, entityVersion: number, overrides: Record<string, unknown> = {}) => {
    const eventId = randomUUID();
    return {
      eventId,
      message: {
        key,
        value: JSON.stringify({
          eventId,
          type: 'CompanyProfileSubmitted',
          schemaVersion: 1,
          occurredAt: new Date().toISOString(),
          producer: source,
          correlationId: eventId,
          causationId: null,
          key,
          entityVersion,
          payload: {
            ...aCompany({ name: `${key} v${entityVersion}` }),
            externalRef: { source, id: key },
            ...overrides,
          },
        }),
      },
    };
  };

  const stored = async (key: string): Promise<StoredCompany[]> =>
    (await http<{ items: StoredCompany[] }>(`${companies.url}/companies?source=${source}&externalId=${key}`)).body
      .items;

  it('dead-letters exactly the poison event in the middle of a batch and applies the rest once, in order', async () => {
    const [a, b, c, d, poison] = companyIdsOnPartition(5, 2) as [string, string, string, string, string];
    const cFirst = submission(c, 1);
    const records = [
      submission(a, 1),
      submission(b, 1),
      cFirst,
      // Text cannot hold NUL: the handler's insert fails, which aborts the whole batch's transaction.
      submission(poison, 1, { therapeuticAreas: ['Unheard-of\u0000 condition'] }),
      submission(a, 2),
      submission(d, 1),
      submission(b, 2),
      cFirst, // redelivered within the batch: a duplicate
    ];
    const [metadata] = await publisher.publishRaw(
      TOPICS.partnerCompanyProfiles,
      records.map((record) => record.message),
    );
    expect(metadata?.partition).toBe(2);
    const poisonOffset = String(Number(metadata?.baseOffset) + 3);

    const upserted = await expectEventually(
      async () => {
        const [storedA, storedB, storedC, storedD] = await Promise.all([a, b, c, d].map(stored));
        expect({ a: storedA, b: storedB, c: storedC, d: storedD }).toEqual({
          a: [expect.objectContaining({ name: `${a} v2`, version: 2 })],
          b: [expect.objectContaining({ name: `${b} v2`, version: 2 })],
          c: [expect.objectContaining({ name: `${c} v1`, version: 1 })],
          d: [expect.objectContaining({ name: `${d} v1`, version: 1 })],
        });
        const ids = new Set([storedA, storedB, storedC, storedD].map((rows) => rows?.[0]?.id));
        const events = capture.messages
          .filter((message) => message.topic === TOPICS.companyProfiles)
          // The topic is shared with other test files, some of which write records that are not events.
          .map((message) => message.value as UpsertedEvent | undefined)
          .filter((event): event is UpsertedEvent => ids.has(event?.payload?.id));
        expect(events).toHaveLength(6);
        return events;
      },
      { timeoutMs: 30_000 },
    );
    // Each company's changes left in the order they were submitted, each once.
    expect(upserted.map((event) => `${event.type} ${event.payload.name} v${event.payload.version}`).sort()).toEqual(
      [
        `CompanyProfileUpserted ${a} v1 v1`,
        `CompanyProfileUpserted ${a} v2 v2`,
        `CompanyProfileUpserted ${b} v1 v1`,
        `CompanyProfileUpserted ${b} v2 v2`,
        `CompanyProfileUpserted ${c} v1 v1`,
        `CompanyProfileUpserted ${d} v1 v1`,
      ].sort(),
    );
    for (const key of [a, b]) {
      const versions = upserted.filter((event) => event.payload.name.startsWith(key)).map((e) => e.payload.version);
      expect(versions).toEqual([1, 2]);
    }

    const parked = await capture.waitFor((message) => message.key === poison);
    expect(parked.headers).toMatchObject({
      'dlq-original-topic': TOPICS.partnerCompanyProfiles,
      'dlq-original-partition': '2',
      'dlq-original-offset': poisonOffset,
      'dlq-attempts': '1',
      'dlq-error': expect.stringMatching(/^value rejected by the database \(SQLSTATE 22\w{3}\)/),
    });
    const deadLettered = capture.messages.filter((message) => message.topic.endsWith('.dlq'));
    expect(deadLettered.filter((message) => [a, b, c, d, poison].includes(message.key ?? ''))).toHaveLength(1);
    expect(await stored(poison)).toEqual([]);
  }, 60_000);
});
