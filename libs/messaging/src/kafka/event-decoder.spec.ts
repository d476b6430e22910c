import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import { decodeEvent, MAX_EVENT_BYTES } from './event-decoder.js';

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

  it.each([
    ['a constructor key in the payload', '"constructor":{"prototype":{"polluted":true}}', '$.payload.constructor'],
    ['a __proto__ key deep in the payload', '"list":[{"__proto__":{"polluted":true}}]', '$.payload.list[0].__proto__'],
  ])('rejects %s before any transformation', (_name, extra, path) => {
    const text = JSON.stringify(envelope()).replace(/"payload":\{/, `"payload":{${extra},`);
    expect(decode(text)).toEqual({ ok: false, reason: `forbidden key ${path}` });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a payload nested 20,000 levels deep without overflowing the stack', () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const text = JSON.stringify(envelope()).replace(/"payload":\{[^}]*\}/, `"payload":${deep}`);
    expect(decode(text)).toEqual({ ok: false, reason: expect.stringContaining('nested') });
  });

  it('rejects an unknown schema version instead of reading it as version 1', () => {
    expect(decode(envelope({ schemaVersion: 99 }))).toEqual({
      ok: false,
      reason: expect.stringContaining('unsupported schemaVersion 99'),
    });
  });

  it('rejects a value larger than the broker would ever deliver', () => {
    const result = decodeEvent(TOPICS.companyProfiles, Buffer.alloc(MAX_EVENT_BYTES + 1, 0x20));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('bytes (at most') });
  });
});
