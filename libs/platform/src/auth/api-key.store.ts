import { Logger } from '@nestjs/common';
import { statSync } from 'node:fs';
import type { ApiKeysConfig } from './api-key.js';
import { hashApiKey, readApiKeyFile, type ApiKeyEntry, type ApiPrincipal } from './api-key.js';

/** How often a key file is checked for changes, so a revoked key stops working without a restart. */
const FILE_CHECK_INTERVAL_MS = 2_000;

const modifiedAt = (file: string): number => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};

/** Finds the principal behind a presented key by its hash; the keys themselves are never kept. */
export class ApiKeyStore {
  private readonly logger = new Logger(ApiKeyStore.name);
  private byHash = new Map<string, ApiKeyEntry>();
  private fileModifiedAt = -1;
  private nextFileCheck = 0;

  constructor(private readonly config: ApiKeysConfig) {
    if (config.kind === 'configured' && config.file) this.fileModifiedAt = modifiedAt(config.file);
    this.index(config.kind === 'configured' ? config.fileEntries : []);
  }

  /** The well-known development keys are in use. */
  get development(): boolean {
    return this.config.kind === 'development';
  }

  get size(): number {
    return this.byHash.size;
  }

  authenticate(presented: string): ApiPrincipal | undefined {
    this.reloadFileIfChanged();
    const entry = this.byHash.get(hashApiKey(presented));
    if (!entry) return undefined;
    return { role: entry.role, keyId: entry.id, ...(entry.source ? { source: entry.source } : {}) };
  }

  /** The principal of a key still configured, by its id (a revoked key has none). */
  principalById(keyId: string): ApiPrincipal | undefined {
    this.reloadFileIfChanged();
    for (const entry of this.byHash.values()) {
      if (entry.id === keyId)
        return { role: entry.role, keyId: entry.id, ...(entry.source ? { source: entry.source } : {}) };
    }
    return undefined;
  }

  private index(fileEntries: readonly ApiKeyEntry[]): void {
    this.byHash = new Map([...this.config.entries, ...fileEntries].map((entry) => [entry.sha256, entry]));
  }

  private reloadFileIfChanged(): void {
    const { config } = this;
    if (config.kind !== 'configured' || !config.file || Date.now() < this.nextFileCheck) return;
    this.nextFileCheck = Date.now() + FILE_CHECK_INTERVAL_MS;
    const changedAt = modifiedAt(config.file);
    if (changedAt === this.fileModifiedAt) return;
    this.fileModifiedAt = changedAt;
    try {
      this.index(readApiKeyFile(config.file));
      this.logger.log(`API keys reloaded from ${config.file}: ${this.byHash.size} keys`);
    } catch (error) {
      // A half-written or broken file keeps the keys that worked rather than locking everyone out.
      this.logger.error(`API key file ${config.file} not reloaded: ${(error as Error).message}`);
    }
  }
}
