import { describe, expect, it } from '@jest/globals';
import { STREAM_TOKEN_TTL_MS, StreamTokens } from './stream-token.js';

describe('StreamTokens', () => {
  it('issues a token that stands for its key until it expires', () => {
    let now = 1_000_000;
    const tokens = new StreamTokens('secret', () => now);
    const { token, expiresAt } = tokens.issue('dashboard-1');
    expect(expiresAt).toBe(new Date(1_000_000 + STREAM_TOKEN_TTL_MS).toISOString());
    expect(tokens.keyIdOf(token)).toBe('dashboard-1');
    now += STREAM_TOKEN_TTL_MS;
    expect(tokens.keyIdOf(token)).toBeUndefined();
  });

  it('refuses a token whose payload was changed, or signed with another secret', () => {
    const tokens = new StreamTokens('secret');
    const { token } = tokens.issue('dashboard-1');
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ k: 'admin-1', e: Date.now() + 60_000 })).toString('base64url')}.${signature}`;
    expect(tokens.keyIdOf(forged)).toBeUndefined();
    expect(new StreamTokens('other').keyIdOf(token)).toBeUndefined();
    expect(new StreamTokens('secret').keyIdOf(token)).toBe('dashboard-1');
  });

  it('refuses what is not a token', () => {
    const tokens = new StreamTokens(undefined);
    for (const junk of ['', '.', 'a.b', 'a.b.c', 'dev-admin-key']) expect(tokens.keyIdOf(junk)).toBeUndefined();
  });
});
