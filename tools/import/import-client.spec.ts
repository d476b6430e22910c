import { describe, expect, it } from '@jest/globals';
import { ProfileApiClient } from './import-client.js';

const answering =
  (status: number, body: unknown, seen: { url: string; init: RequestInit }[] = []): typeof fetch =>
  (url, init) => {
    seen.push({ url: url instanceof Request ? url.url : url.toString(), init: init ?? {} });
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };

describe('ProfileApiClient', () => {
  it('finds a record by its externalRef with the admin key', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const client = new ProfileApiClient(
      'http://svc/companies',
      'k',
      answering(200, { items: [{ id: 'a', version: 3 }] }, seen),
    );
    expect(await client.findByExternalRef('park', 'm 1')).toEqual({ id: 'a', version: 3 });
    expect(seen[0]?.url).toBe('http://svc/companies?source=park&externalId=m+1');
    expect(seen[0]?.init.headers).toMatchObject({ authorization: 'Bearer k' });
  });

  it("turns a 400 into the row's refused fields", async () => {
    const body = {
      code: 'VALIDATION.FAILED',
      message: 'Some terms are not in the vocabulary',
      errors: [
        { field: 'sectors[0]', message: 'unknown term "x"', suggestions: [{ id: 'services', label: 'Services' }] },
      ],
    };
    const client = new ProfileApiClient('http://svc/companies', 'k', answering(400, body));
    expect(await client.create({})).toEqual({
      ok: false,
      message: 'HTTP 400 VALIDATION.FAILED: Some terms are not in the vocabulary',
      fields: body.errors,
    });
  });

  it('stops the import when the service fails or refuses the key', async () => {
    await expect(new ProfileApiClient('http://svc/needs', 'k', answering(503, {})).replace('a', {})).rejects.toThrow(
      'PUT http://svc/needs/a: HTTP 503',
    );
    await expect(new ProfileApiClient('http://svc/needs', 'k', answering(401, {})).create({})).rejects.toThrow(
      'is --key a valid API key?',
    );
  });
});
