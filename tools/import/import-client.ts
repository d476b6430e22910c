import { apiRequest, describeAnswer } from '../cli/api-request.js';

/** A field the service refused, with the vocabulary's closest terms for an unknown one. */
export interface RefusedField {
  readonly field: string;
  readonly message: string;
  readonly suggestions?: readonly { id: string; label: string }[];
}

/** What a write came to: the stored record, or the refusal (a 4xx, with the fields it names). */
export type WriteResult =
  | { readonly ok: true; readonly id: string; readonly version: number }
  | { readonly ok: false; readonly message: string; readonly fields: readonly RefusedField[] };

/** A stored record, as far as the import reads it. */
export interface StoredRecord {
  readonly id: string;
  readonly version: number;
}

/** The import's writes, as the run sees them (the REST API, or a fake in specs). */
export interface ProfileStore {
  findByExternalRef(source: string, id: string): Promise<StoredRecord | undefined>;
  create(fields: object): Promise<WriteResult>;
  replace(id: string, fields: object): Promise<WriteResult>;
}

/** A profile collection (`/companies`, `/needs`) of a running service. */
export class ProfileApiClient implements ProfileStore {
  constructor(
    private readonly collectionUrl: string,
    private readonly key: string,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  async findByExternalRef(source: string, externalId: string): Promise<StoredRecord | undefined> {
    const query = new URLSearchParams({ source, externalId });
    const answer = await apiRequest(this.fetchFn, `${this.collectionUrl}?${query.toString()}`, this.key, 'GET');
    if (!answer.ok) throw new Error(`GET ${this.collectionUrl}: ${describeAnswer(answer)}`);
    return (answer.body as { items: StoredRecord[] }).items[0];
  }

  create(fields: object): Promise<WriteResult> {
    return this.write('POST', this.collectionUrl, fields);
  }

  replace(id: string, fields: object): Promise<WriteResult> {
    return this.write('PUT', `${this.collectionUrl}/${encodeURIComponent(id)}`, fields);
  }

  private async write(method: string, url: string, fields: object): Promise<WriteResult> {
    const answer = await apiRequest(this.fetchFn, url, this.key, method, fields);
    if (answer.ok) {
      const { id, version } = answer.body as StoredRecord;
      return { ok: true, id, version };
    }
    // A refusal belongs to the row; the service being down or the key refused stops the import.
    if (answer.status >= 500 || answer.status === 401 || answer.status === 403 || answer.status === 429) {
      throw new Error(`${method} ${url}: ${describeAnswer(answer)}`);
    }
    const { errors } = (answer.body ?? {}) as { errors?: RefusedField[] };
    return { ok: false, message: describeAnswer(answer), fields: Array.isArray(errors) ? errors : [] };
  }
}
