import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configProblemsOf } from '../env/config-problems.fixture.js';
import { DEV_API_KEYS, generateApiKey, hashApiKey, parseApiKeyList, readApiKeyFile } from './api-key.js';
import { ApiKeyStore } from './api-key.store.js';

const HASH = hashApiKey('some-key');

describe('API keys', () => {
  it('hashes with sha256 and generates distinct 256-bit keys', () => {
    expect(HASH).toMatch(/^[0-9a-f]{64}$/);
    const key = generateApiKey();
    expect(key).toMatch(/^pmk_[A-Za-z0-9_-]{43}$/);
    expect(generateApiKey()).not.toBe(key);
  });

  it('parses role:source:sha256 entries, with or without the empty source', () => {
    expect(parseApiKeyList(`admin::${HASH}, partner:ukbia:${HASH.toUpperCase()},dashboard:${HASH}`)).toEqual([
      { id: `admin-${HASH.slice(0, 8)}`, role: 'admin', sha256: HASH },
      { id: `partner-${HASH.slice(0, 8)}`, role: 'partner', source: 'ukbia', sha256: HASH },
      { id: `dashboard-${HASH.slice(0, 8)}`, role: 'dashboard', sha256: HASH },
    ]);
  });

  it('names each bad entry by position without echoing it', () => {
    const problems = configProblemsOf(() =>
      parseApiKeyList(`root::${HASH},partner::${HASH},admin:x:${HASH},admin::short`),
    );
    expect(problems).toEqual([
      'PARKMATCH_API_KEYS entry 1 is invalid: role must be one of admin, partner, dashboard',
      'PARKMATCH_API_KEYS entry 2 is invalid: a partner key needs its source (letters, digits, . _ -)',
      'PARKMATCH_API_KEYS entry 3 is invalid: only partner keys have a source',
      expect.stringContaining('PARKMATCH_API_KEYS entry 4 is invalid: the hash must be 64 lowercase hex'),
    ]);
    expect(problems.join()).not.toContain(HASH);
  });

  it('reads a key file and names a missing or broken one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'keys-spec-'));
    const file = path.join(dir, 'keys.json');
    writeFileSync(file, JSON.stringify({ keys: [{ id: 'ops', role: 'admin', sha256: HASH }] }));
    expect(readApiKeyFile(file)).toEqual([{ id: 'ops', role: 'admin', sha256: HASH }]);
    expect(configProblemsOf(() => readApiKeyFile(path.join(dir, 'none.json')))).toEqual([
      `PARKMATCH_API_KEYS_FILE=${JSON.stringify(path.join(dir, 'none.json'))} does not exist`,
    ]);
    writeFileSync(file, '{"keys": [');
    expect(configProblemsOf(() => readApiKeyFile(file))[0]).toContain('is not readable JSON');
  });

  it('authenticates by hash and answers the principal, never a key', () => {
    const store = new ApiKeyStore({
      kind: 'configured',
      entries: [{ id: 'ukbia-1', role: 'partner', source: 'ukbia', sha256: HASH }],
      fileEntries: [],
    });
    expect(store.authenticate('some-key')).toEqual({ role: 'partner', source: 'ukbia', keyId: 'ukbia-1' });
    expect(store.authenticate('some-key ')).toBeUndefined();
    expect(store.authenticate('dev-admin-key')).toBeUndefined();
  });

  it('knows the development keys only in development', () => {
    const store = new ApiKeyStore({ kind: 'development', entries: DEV_API_KEYS });
    expect(store.development).toBe(true);
    expect(store.authenticate('dev-partner-key')).toEqual({
      role: 'partner',
      source: 'demo-partner',
      keyId: 'dev-partner',
    });
    expect(store.authenticate('dev-dashboard-key')?.role).toBe('dashboard');
  });
});
