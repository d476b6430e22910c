import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import { decodeEvent } from './event-decoder.js';

const envelope = (overrides: Record<string, unknown> = {}) => {
  const id = randomUUID();
  return {
    eventId: randomUUID(),
    type: 'CompanyProfileDeleted',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    producer: 'companies',
    correlationId: randomUUID(),
    causationId: null,
    key: id,
    entityVersion: 2,
    payload: { id, version: 2 },
    ...overrides,
  };
};

const decode = (value: unknown) =>
  decodeEvent(TOPICS.companyProfiles, Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));

describe('decodeEvent', () => {
  it('accepts a valid envelope and returns the payload as its contract class', () => {
    const result = decode(envelope());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.envelope.type).toBe('CompanyProfileDeleted');
  });

  it.each([
    ['an empty value', '', 'empty message value'],
    ['unparseable JSON', '{not json', 'unparseable JSON'],
    ['a JSON array', '[1,2]', 'not a JSON object'],
  ])('rejects %s', (_name, value, reason) => {
    const result = decodeEvent(TOPICS.companyProfiles, Buffer.from(value));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });

  it('names the envelope field that is wrong', () => {
    const result = decode(envelope({ eventId: 'not-a-uuid' }));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('eventId') });
  });

  it('rejects an event type unknown on the topic', () => {
    const result = decode(envelope({ type: 'RdNeedClosed' }));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('unknown event type "RdNeedClosed"') });
  });

  it('names the payload field that is missing or mistyped', () => {
    const result = decode(envelope({ payload: { id: randomUUID(), version: 'two' } }));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('version') });
  });
});
