import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../env/env.js';

export const API_ROLES = ['admin', 'partner', 'dashboard'] as const;
export type ApiRole = (typeof API_ROLES)[number];

/** Who is calling: set on the request by the API key guard. A partner key belongs to exactly one source. */
export interface ApiPrincipal {
  readonly role: ApiRole;
  readonly source?: string;
  readonly keyId: string;
}

/** A configured key: never the key itself, only its SHA-256 (keys are 256-bit random, so a fast hash is enough). */
export interface ApiKeyEntry {
  readonly id: string;
  readonly role: ApiRole;
  readonly source?: string;
  readonly sha256: string;
}

/** The JSON file `PARKMATCH_API_KEYS_FILE` names, as written by `npm run keys`. */
export interface ApiKeyFile {
  keys: (ApiKeyEntry & { createdAt?: string })[];
}

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new key: 32 random bytes, URL-safe, with a prefix that makes a leaked key easy to recognise in a scan. */
export const generateApiKey = (): string => `pmk_${randomBytes(32).toString('base64url')}`;

/** What development uses when no keys are configured; refused with NODE_ENV=production. */
export const DEV_API_KEYS: readonly (ApiKeyEntry & { key: string })[] = [
  { id: 'dev-admin', role: 'admin', key: 'dev-admin-key', sha256: hashApiKey('dev-admin-key') },
  {
    id: 'dev-partner',
    role: 'partner',
    source: 'demo-partner',
    key: 'dev-partner-key',
    sha256: hashApiKey('dev-partner-key'),
  },
  { id: 'dev-dashboard', role: 'dashboard', key: 'dev-dashboard-key', sha256: hashApiKey('dev-dashboard-key') },
];

const SHA256_HEX = /^[0-9a-f]{64}$/;
const SOURCE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Checks one entry; returns the problem, or undefined when it is valid. */
export const apiKeyEntryProblem = (entry: Partial<ApiKeyEntry>): string | undefined => {
  if (!API_ROLES.includes(entry.role as ApiRole)) return `role must be one of ${API_ROLES.join(', ')}`;
  if (typeof entry.sha256 !== 'string' || !SHA256_HEX.test(entry.sha256)) {
    return 'the hash must be 64 lowercase hex characters (sha256 of the key; `npm run keys -- hash <key>`)';
  }
  if (entry.role === 'partner' && (typeof entry.source !== 'string' || !SOURCE.test(entry.source))) {
    return 'a partner key needs its source (letters, digits, . _ -)';
  }
  if (entry.role !== 'partner' && entry.source !== undefined && entry.source !== '') {
    return 'only partner keys have a source';
  }
  return undefined;
};

/** `role:source?:sha256hex` entries, comma-separated, e.g. `admin::ab12…,partner:ukbia:cd34…`. */
export const parseApiKeyList = (raw: string, variable = 'PARKMATCH_API_KEYS'): ApiKeyEntry[] => {
  const problems: string[] = [];
  const entries: ApiKeyEntry[] = [];
  raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .forEach((item, index) => {
      const parts = item.split(':');
      const [role, source, hash] = parts.length === 2 ? [parts[0], '', parts[1]] : parts;
      const sha256 = (hash ?? '').toLowerCase();
      const entry = {
        id: `${role}-${sha256.slice(0, 8)}`,
        role: role as ApiRole,
        sha256,
        ...(source ? { source } : {}),
      };
      const problem = parts.length < 2 || parts.length > 3 ? 'expected role:source:sha256' : apiKeyEntryProblem(entry);
      if (problem) problems.push(`${variable} entry ${index + 1} is invalid: ${problem}`);
      else entries.push(entry);
    });
  if (problems.length === 0 && entries.length === 0) problems.push(`${variable} holds no entries`);
  if (problems.length > 0) throw new ConfigError(problems);
  return entries;
};

/** Reads and checks a key file; unknown files, bad JSON and bad entries are named, never echoed. */
export const readApiKeyFile = (file: string, variable = 'PARKMATCH_API_KEYS_FILE'): ApiKeyEntry[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not readable JSON';
    throw new ConfigError([`${variable}=${JSON.stringify(file)} ${reason}`]);
  }
  const keys = Array.isArray(parsed) ? parsed : (parsed as Partial<ApiKeyFile> | null)?.keys;
  if (!Array.isArray(keys)) throw new ConfigError([`${variable}: expected {"keys": [...]}`]);
  const problems: string[] = [];
  const entries = keys.flatMap((key: Partial<ApiKeyEntry>, index) => {
    const problem = apiKeyEntryProblem(key);
    if (problem) {
      problems.push(`${variable} key ${index + 1} is invalid: ${problem}`);
      return [];
    }
    const id = typeof key.id === 'string' && key.id ? key.id : `${key.role}-${key.sha256!.slice(0, 8)}`;
    return [{ id, role: key.role!, sha256: key.sha256!, ...(key.source ? { source: key.source } : {}) }];
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return entries;
};

/**
 * Where API keys come from. `development` means none are configured: the well-known dev keys work (and a warning
 * says so), which NODE_ENV=production refuses at boot.
 */
export type ApiKeysConfig =
  | { readonly kind: 'development'; readonly entries: readonly ApiKeyEntry[] }
  | {
      readonly kind: 'configured';
      /** From PARKMATCH_API_KEYS, fixed for the process' life. */
      readonly entries: readonly ApiKeyEntry[];
      /** PARKMATCH_API_KEYS_FILE, re-read when it changes (keys created or revoked by `npm run keys`). */
      readonly file?: string;
      readonly fileEntries: readonly ApiKeyEntry[];
    };
