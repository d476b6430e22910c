import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { aCompany } from '../factories/company.factory.js';
import { anRdNeed } from '../factories/rd-need.factory.js';
import { DEV_DASHBOARD_KEY, DEV_PARTNER_KEY, http } from '../utils/http.js';
import { ServiceProcess, useServices } from '../utils/service-process.js';

interface Stored {
  id: string;
  version: number;
  name?: string;
  title?: string;
  externalRef?: { source: string; id: string };
}

interface Page {
  items: Stored[];
  total: number;
}

/** The dev partner key belongs to this source (libs/platform/src/auth/api-key.ts). */
const PARTNER_SOURCE = 'demo-partner';
const partner = { apiKey: DEV_PARTNER_KEY };

const collections = [
  { service: 'companies' as const, offset: 26, path: '/companies', body: aCompany, rename: { name: 'Renamed' } },
  { service: 'rd-needs' as const, offset: 27, path: '/needs', body: anRdNeed, rename: { title: 'Renamed' } },
];

describe.each(collections)('partner scoping and forged keys on $path', ({ service, offset, path, body, rename }) => {
  const instance = new ServiceProcess(service, offset);
  let url: string;
  let others: Stored;
  let own: Stored;

  useServices(instance);

  beforeAll(async () => {
    url = `${instance.url}${path}`;
    const otherSource = `other-partner-${randomUUID().slice(0, 8)}`;
    others = (await http<Stored>(url, 'POST', body({ externalRef: { source: otherSource, id: 'x-1' } }))).body;
    expect(others.id).toBeDefined();
  }, 90_000);

  it("creates a partner's record under its own source, filling externalRef when absent", async () => {
    const created = await http<Stored>(url, 'POST', body(), partner);
    expect(created.status).toBe(201);
    expect(created.body.externalRef).toEqual({ source: PARTNER_SOURCE, id: expect.any(String) });
    own = created.body;

    const explicit = await http<Stored>(
      url,
      'POST',
      body({ externalRef: { source: PARTNER_SOURCE, id: randomUUID() } }),
      partner,
    );
    expect(explicit.status).toBe(201);
  });

  it("refuses a partner's record for another source, and stores nothing", async () => {
    const before = await http<Page>(url);
    const refused = await http<{ code: string }>(
      url,
      'POST',
      body({ externalRef: { source: 'someone-else', id: randomUUID() } }),
      partner,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTH.FORBIDDEN');
    expect((await http<Page>(url)).body.total).toBe(before.body.total);
  });

  it("hides another source's record from the partner: read, replace, patch and delete are 404 and change nothing", async () => {
    expect((await http(`${url}/${others.id}`, 'GET', undefined, partner)).status).toBe(404);
    expect((await http(`${url}/${others.id}`, 'PUT', body(), partner)).status).toBe(404);
    expect((await http(`${url}/${others.id}`, 'PATCH', rename, partner)).status).toBe(404);
    expect((await http(`${url}/${others.id}`, 'DELETE', undefined, partner)).status).toBe(404);
    const after = await http<Stored>(`${url}/${others.id}`);
    expect(after.status).toBe(200);
    expect(after.body.version).toBe(others.version);
  });

  it("lists only the partner's source, whatever source it asks for", async () => {
    const mine = await http<Page>(url, 'GET', undefined, partner);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((item) => item.externalRef?.source === PARTNER_SOURCE)).toBe(true);
    const theirs = await http<Page>(`${url}?source=${others.externalRef!.source}`, 'GET', undefined, partner);
    expect(theirs.body).toMatchObject({ items: [], total: 0 });
    // A dashboard key sees every source (filtered here so the record is on the first page however many exist).
    const all = await http<Page>(`${url}?source=${others.externalRef!.source}`, 'GET', undefined, {
      apiKey: DEV_DASHBOARD_KEY,
    });
    expect(all.body.items.map((item) => item.id)).toContain(others.id);
  });

  it('lets the partner update and withdraw its own record, keeping it in its source', async () => {
    const replaced = await http<Stored>(`${url}/${own.id}`, 'PUT', body(), partner);
    expect(replaced.status).toBe(200);
    expect(replaced.body.externalRef).toEqual(own.externalRef);
    const moved = await http(`${url}/${own.id}`, 'PATCH', { externalRef: { source: 'elsewhere', id: 'z' } }, partner);
    expect(moved.status).toBe(403);
    const patched = await http<Stored>(`${url}/${own.id}`, 'PATCH', rename, partner);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject(rename);
    expect((await http(`${url}/${own.id}`, 'DELETE', undefined, partner)).status).toBe(204);
    expect((await http(`${url}/${own.id}`)).status).toBe(404);
  });

  it('changes nothing for a missing or forged key, or for a read-only dashboard key', async () => {
    const before = await http<Page>(url);
    for (const apiKey of [null, 'pmk_forged', 'Bearer', DEV_DASHBOARD_KEY]) {
      const expected = apiKey === DEV_DASHBOARD_KEY ? 403 : 401;
      expect((await http(url, 'POST', body(), { apiKey })).status).toBe(expected);
      expect((await http(`${url}/${others.id}`, 'PUT', body(), { apiKey })).status).toBe(expected);
      expect((await http(`${url}/${others.id}`, 'PATCH', rename, { apiKey })).status).toBe(expected);
      expect((await http(`${url}/${others.id}`, 'DELETE', undefined, { apiKey })).status).toBe(expected);
    }
    for (const authorization of [
      'Basic ZGV2LWFkbWluLWtleTo=',
      'dev-admin-key',
      'Bearer  ',
      'Bearer dev-admin-key extra',
    ]) {
      const response = await http(url, 'POST', body(), { apiKey: null, headers: { authorization } });
      expect(response.status).toBe(401);
    }
    expect((await http<Page>(url)).body.total).toBe(before.body.total);
    expect((await http<Stored>(`${url}/${others.id}`)).body.version).toBe(others.version);
  });
});
