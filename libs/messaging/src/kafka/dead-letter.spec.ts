import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { deadLetterMessage, isTooLargeForBroker, type DeadLetterCause } from './dead-letter.js';

const cause = (value: Buffer | string | null): DeadLetterCause => ({
  topic: 'partner.company-profiles.v1',
  partition: 2,
  offset: '41',
  key: 'k-1',
  value,
  headers: { traceparent: 'abc' },
  consumer: 'companies.partner-ingest',
  reason: 'invalid envelope: eventId must be a UUID',
  attempts: 1,
});

const weight = (message: ReturnType<typeof deadLetterMessage>): number =>
  Buffer.byteLength(String(message.key)) +
  (message.value as Buffer).length +
  Object.entries(message.headers ?? {}).reduce(
    (total, [name, value]) => total + Buffer.byteLength(name) + Buffer.byteLength(String(value)),
    0,
  );

describe('deadLetterMessage', () => {
  it('keeps a record that fits whole, with its coordinates and reason', () => {
    const message = deadLetterMessage(cause('{"a":1}'));
    expect(message.value?.toString()).toBe('{"a":1}');
    expect(message.headers).toMatchObject({
      traceparent: 'abc',
      'dlq-original-topic': 'partner.company-profiles.v1',
      'dlq-original-partition': '2',
      'dlq-original-offset': '41',
      'dlq-error': 'invalid envelope: eventId must be a UUID',
      'dlq-attempts': '1',
    });
    expect(message.headers).not.toHaveProperty('dlq-truncated');
  });

  it('truncates a copy over the limit and records the original size and sha-256 digest', () => {
    const original = Buffer.alloc(5_000, 'x');
    const message = deadLetterMessage(cause(original), 2_000);
    expect(weight(message)).toBeLessThanOrEqual(2_000);
    expect(original.subarray(0, (message.value as Buffer).length).equals(message.value as Buffer)).toBe(true);
    expect(message.headers).toMatchObject({
      'dlq-truncated': 'true',
      'dlq-original-size': '5000',
      'dlq-original-sha256': createHash('sha256').update(original).digest('hex'),
      'dlq-original-offset': '41',
    });
  });

  it('keeps an empty value empty', () => {
    expect(deadLetterMessage(cause(null)).value).toBeNull();
  });
});

describe('isTooLargeForBroker', () => {
  it('recognises the broker refusing a record for size', () => {
    const refused = Object.assign(
      new Error('The request included a message larger than the max message size the server will accept'),
      { type: 'MESSAGE_TOO_LARGE' },
    );
    expect(isTooLargeForBroker(refused)).toBe(true);
    expect(isTooLargeForBroker(new Error('Connection error: ECONNREFUSED'))).toBe(false);
  });
});
