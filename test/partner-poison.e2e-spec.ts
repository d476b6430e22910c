import { describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import { aCompany } from './factories/company.factory.js';
import { expectEventually } from './utils/expect-eventually.js';
import { http } from './utils/http.js';
import { KafkaCapture } from './utils/kafka-capture.js';
import { EventPublisher } from './utils/event-publisher.js';
import { ServiceProcess, useServices } from './utils/service-process.js';

/** The broker's default `message.max.bytes`: the largest record batch it takes. */
const BROKER_MAX_MESSAGE_BYTES = 1_048_588;

/**
 * Poison partner events, each followed on its partition by a valid event: every poison ends on the `.dlq` with its
 * reason, at once, and the event behind it is applied.
 */
describe('partner events that can never apply', () => {
  const companies = new ServiceProcess('companies', 81);
  const source = `poison-partner-${randomUUID().slice(0, 8)}`;

  const companiesOf = async (externalId: string) =>
    (await http<{ total: number }>(`${companies.url}/companies?source=${source}&externalId=${externalId}`)).body;

  /** A valid submission's envelope as JSON text; `$KEY` in it is replaced by the key it is sent with. */
  const submission = (key: string, overrides: Record<string, unknown> = {}) =>
    JSON.stringify({
      eventId: randomUUID(),
      type: 'CompanyProfileSubmitted',
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      producer: 'poison-partner',
      correlationId: randomUUID(),
      causationId: null,
      key,
      payload: { ...aCompany(), externalRef: { source, id: key } },
      ...overrides,
    });

  /** Sends `poison` then a valid submission for the same key (so the same partition); returns the parked copy. */
  const parkAndPass = async (poison: string) => {
    const key = `poison-${randomUUID()}`;
    await publisher.publishRaw(TOPICS.partnerCompanyProfiles, [{ key, value: poison.replaceAll('$KEY', key) }]);
    await publisher.publishRaw(TOPICS.partnerCompanyProfiles, [{ key, value: submission(key) }]);
    await expectEventually(async () => expect((await companiesOf(key)).total).toBe(1), { timeoutMs: 30_000 });
    const parked = await dlq.waitFor((message) => message.key === key);
    expect(parked.headers).toMatchObject({
      'dlq-original-topic': TOPICS.partnerCompanyProfiles,
      'dlq-original-offset': expect.stringMatching(/^\d+$/),
      'dlq-attempts': '1',
    });
    expect(dlq.messages.filter((message) => message.key === key)).toHaveLength(1);
    return parked;
  };

  useServices(companies);
  const publisher = EventPublisher.use();
  const dlq = KafkaCapture.use([`${TOPICS.partnerCompanyProfiles}.dlq`]);

  it('parks a payload carrying a constructor key', async () => {
    const poison = submission('$KEY').replace('"payload":{', '"payload":{"constructor":{"prototype":{"admin":true}},');
    const parked = await parkAndPass(poison);
    expect(parked.headers['dlq-error']).toBe('forbidden key $.payload.constructor');
  }, 60_000);

  it('parks a payload nested 20,000 levels deep', async () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const parked = await parkAndPass(submission('$KEY').replace('"payload":{', `"payload":{"extra":${deep},`));
    expect(parked.headers['dlq-error']).toMatch(/^JSON nested 20002 levels deep/);
  }, 60_000);

  it('parks an unknown schemaVersion instead of applying it as version 1', async () => {
    const parked = await parkAndPass(submission('$KEY', { schemaVersion: 99 }));
    expect(parked.headers['dlq-error']).toContain('unsupported schemaVersion 99');
  }, 60_000);

  it('parks a value the database rejects at once, without retries', async () => {
    // Display text with a NUL fails the contract; an unknown term does not, and reaches Postgres as an unmapped term.
    const poison = submission('$KEY').replace(
      '"therapeuticAreas":[',
      '"therapeuticAreas":["Unheard-of\\u0000 condition",',
    );
    expect(poison).toContain('Unheard-of');
    const parked = await parkAndPass(poison);
    expect(parked.headers['dlq-error']).toMatch(/^value rejected by the database \(SQLSTATE 22\w{3}\)/);
  }, 60_000);

  it('parks an invalid event close to the broker limit as a truncated copy with its digest', async () => {
    const envelope = submission('$KEY', { producer: '$FILL' });
    // Key (42 bytes) and record batch framing take about 110 bytes of the broker's limit; the rest is the value.
    const poison = envelope.replace('$FILL', 'x'.repeat(BROKER_MAX_MESSAGE_BYTES - 400 - envelope.length));

    const parked = await parkAndPass(poison);
    const original = Buffer.from(poison.replaceAll('$KEY', parked.key ?? ''));
    expect(original.length).toBeGreaterThan(BROKER_MAX_MESSAGE_BYTES - 400);
    expect(parked.headers['dlq-error']).toContain('producer');
    expect(parked.headers).toMatchObject({
      'dlq-truncated': 'true',
      'dlq-original-size': String(original.length),
      'dlq-original-sha256': createHash('sha256').update(original).digest('hex'),
    });
  }, 60_000);
});
