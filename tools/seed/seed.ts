import { pathToFileURL } from 'node:url';
import { DEMO_COMPANIES, DEMO_NEEDS } from './demo-data.js';

export const DEMO_SOURCE = 'parkmatch-demo';

export interface SeedTargets {
  readonly companiesUrl: string;
  readonly needsUrl: string;
}

export interface SeedReport {
  companies: number;
  needs: number;
  created: number;
  updated: number;
}

const request = async (url: string, method: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
  const response = await fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      // An admin key (or a partner key of the demo source); the development key when none is given.
      authorization: `Bearer ${process.env.PARKMATCH_API_KEY ?? 'dev-admin-key'}`,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await response.json().catch(() => null);
  if (response.status >= 400) throw new Error(`${method} ${url} → ${response.status} ${JSON.stringify(json)}`);
  return { status: response.status, json };
};

/** Creates or replaces one record found by its demo external id, so seeding twice changes nothing. */
const upsertByExternalRef = async (
  collectionUrl: string,
  externalId: string,
  body: Record<string, unknown>,
): Promise<'created' | 'updated'> => {
  const query = new URLSearchParams({ source: DEMO_SOURCE, externalId });
  const { json } = await request(`${collectionUrl}?${query.toString()}`, 'GET');
  const existing = (json as { items: { id: string }[] }).items[0];
  const withRef = { ...body, externalRef: { source: DEMO_SOURCE, id: externalId } };
  if (existing) {
    await request(`${collectionUrl}/${existing.id}`, 'PUT', withRef);
    return 'updated';
  }
  await request(collectionUrl, 'POST', withRef);
  return 'created';
};

/** Loads the demo organisations and R&D needs through the public REST API, idempotently. */
export const seedDemoData = async (targets: SeedTargets): Promise<SeedReport> => {
  const report: SeedReport = { companies: 0, needs: 0, created: 0, updated: 0 };
  for (const { externalId, ...company } of DEMO_COMPANIES) {
    report[await upsertByExternalRef(`${targets.companiesUrl}/companies`, externalId, company)]++;
    report.companies++;
  }
  for (const { externalId, ...need } of DEMO_NEEDS) {
    report[await upsertByExternalRef(`${targets.needsUrl}/needs`, externalId, { ...need, status: 'open' })]++;
    report.needs++;
  }
  return report;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await seedDemoData({
    companiesUrl: process.env.COMPANIES_URL ?? 'http://127.0.0.1:3001',
    needsUrl: process.env.RD_NEEDS_URL ?? 'http://127.0.0.1:3002',
  });
  console.log(JSON.stringify(report));
}
