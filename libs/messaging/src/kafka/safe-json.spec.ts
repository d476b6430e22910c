import { describe, expect, it } from '@jest/globals';
import { findPrototypeKey, jsonNestingDepth, MAX_JSON_DEPTH, parseUntrustedJson } from './safe-json.js';

const bytes = (text: string): Buffer => Buffer.from(text);
const nested = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('jsonNestingDepth', () => {
  it.each([
    ['a scalar', '42', 0],
    ['a flat object', '{"a":1,"b":[1,2]}', 2],
    ['brackets inside strings', '{"a":"{[{[\\"{"}', 1],
    ['multi-byte text', '{"名前":["ü","{"]}', 2],
  ])('counts %s', (_name, text, depth) => {
    expect(jsonNestingDepth(bytes(text))).toBe(depth);
  });

  it('counts 20,000 levels without recursion', () => {
    expect(jsonNestingDepth(bytes(`${'['.repeat(20_000)}${']'.repeat(20_000)}`))).toBe(20_000);
  });
});

describe('findPrototypeKey', () => {
  it.each([
    ['a top-level constructor', '{"constructor":{"prototype":{}}}', '$.constructor'],
    ['__proto__ deep inside an array', '{"payload":{"list":[{"__proto__":{"x":1}}]}}', '$.payload.list[0].__proto__'],
    ['prototype in a payload', '{"payload":{"prototype":1}}', '$.payload.prototype'],
  ])('finds %s', (_name, text, path) => {
    expect(findPrototypeKey(JSON.parse(text))).toBe(path);
  });

  it('lets the same words through as values', () => {
    expect(findPrototypeKey({ name: 'constructor', tags: ['__proto__', 'prototype'] })).toBeUndefined();
  });
});

describe('parseUntrustedJson', () => {
  it('parses a plain object', () => {
    expect(parseUntrustedJson(bytes('{"a":[1,{"b":null}]}'))).toEqual({ ok: true, value: { a: [1, { b: null }] } });
  });

  it('refuses nesting deeper than the limit before parsing', () => {
    expect(parseUntrustedJson(bytes(nested(MAX_JSON_DEPTH)))).toMatchObject({ ok: true });
    expect(parseUntrustedJson(bytes(nested(20_000)))).toEqual({
      ok: false,
      reason: `JSON nested 20000 levels deep (at most ${MAX_JSON_DEPTH})`,
    });
  });

  it('refuses prototype-polluting keys', () => {
    expect(parseUntrustedJson(bytes('{"payload":{"__proto__":{"admin":true}}}'))).toEqual({
      ok: false,
      reason: 'forbidden key $.payload.__proto__',
    });
  });

  it('reports unparseable JSON instead of throwing', () => {
    expect(parseUntrustedJson(bytes('{"a": '))).toEqual({
      ok: false,
      reason: expect.stringContaining('unparseable JSON'),
    });
  });
});
