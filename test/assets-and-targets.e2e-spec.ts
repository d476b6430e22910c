import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  MAX_ASSETS_PER_COMPANY,
  TOPICS,
  type Asset,
  type CompanyProfileFields,
  type StoredEntityFields,
} from '#contracts';
import { aCompany } from './factories/company.factory.js';
import { anRdNeed } from './factories/rd-need.factory.js';
import { EventPublisher } from './utils/event-publisher.js';
import { expectEventually } from './utils/expect-eventually.js';
import { http } from './utils/http.js';
import { ServiceProcess, useServices } from './utils/service-process.js';
import { testEnv } from './utils/test-env.js';

type StoredCompany = CompanyProfileFields & StoredEntityFields;

interface Problem {
  statusCode: number;
  code: string;
  errors: { field: string; message: string; suggestions?: { id: string; label: string }[] }[];
}

/** An asset as a partner or dashboard writes it: labels and synonyms, not ids. */
const HX_101: Asset = {
  name: 'HX-101',
  codes: ['HX101', 'Helixinib'],
  modality: 'Small Molecule',
  stage: 'Preclinical',
  targets: ['epidermal growth factor receptor'],
  therapeuticAreas: ['NSCLC'],
};

/** The same asset as stored and published: its terms resolved to ids. */
const HX_101_STORED: Asset = {
  ...HX_101,
  modality: 'small-molecule',
  stage: 'preclinical',
  targets: ['EGFR'],
  therapeuticAreas: ['non-small-cell-lung-cancer'],
};

describe('targets and assets through REST, partner events and matching projections', () => {
  const companies = new ServiceProcess('companies', 61);
  const needs = new ServiceProcess('rd-needs', 62);
  const matching = new ServiceProcess('matching', 63);
  const source = `test-assets-${randomUUID().slice(0, 8)}`;
  let pool: pg.Pool;

  const projectedProfile = async (table: 'company_projection' | 'need_projection', id: string): Promise<unknown> => {
    const { rows } = await pool.query<{ profile: unknown }>(`SELECT profile FROM matching.${table} WHERE id = $1`, [
      id,
    ]);
    return rows[0]?.profile;
  };

  useServices(companies, needs, matching);
  const publisher = EventPublisher.use();

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: testEnv().databaseUrl, max: 2 });
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
  }, 60_000);

  it('stores targets and assets given by label as ids, and answers them on GET', async () => {
    const created = await http<StoredCompany>(
      `${companies.url}/companies`,
      'POST',
      aCompany({ targets: ['HER2', 'EGFR'], assets: [HX_101, { name: 'HX-Platform' }] }),
    );
    expect(created.status).toBe(201);
    const fetched = await http<StoredCompany>(`${companies.url}/companies/${created.body.id}`);
    expect(fetched.body.targets).toEqual(['ERBB2', 'EGFR']);
    expect(fetched.body.assets).toEqual([
      HX_101_STORED,
      { name: 'HX-Platform', codes: [], targets: [], therapeuticAreas: [] },
    ]);

    const patched = await http<StoredCompany>(`${companies.url}/companies/${created.body.id}`, 'PATCH', {
      city: 'Oxford',
    });
    expect(patched.body).toMatchObject({ version: 2, targets: ['ERBB2', 'EGFR'], assets: fetched.body.assets });
    const cleared = await http<StoredCompany>(`${companies.url}/companies/${created.body.id}`, 'PATCH', {
      assets: [],
    });
    expect(cleared.body).toMatchObject({ version: 3, targets: ['ERBB2', 'EGFR'], assets: [] });
  });

  it('describes assets and targets in the OpenAPI document', async () => {
    const document = await http<{ components: { schemas: Record<string, { properties: Record<string, object> }> } }>(
      `${companies.url}/docs-json`,
    );
    const create = document.body.components.schemas.CreateCompanyDto!;
    expect(create.properties.targets).toMatchObject({ type: 'array', maxItems: 50 });
    expect(create.properties.assets).toEqual({
      type: 'array',
      maxItems: MAX_ASSETS_PER_COMPANY,
      items: { $ref: '#/components/schemas/Asset' },
    });
    expect(document.body.components.schemas.Asset?.properties).toHaveProperty('targets');
  });

  it('defaults targets and assets to empty lists for clients that do not send them', async () => {
    const created = await http<StoredCompany>(`${companies.url}/companies`, 'POST', aCompany());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ targets: [], assets: [] });
    const need = await http<{ targets: string[] }>(`${needs.url}/needs`, 'POST', anRdNeed());
    expect(need.status).toBe(201);
    expect(need.body.targets).toEqual([]);
  });

  it('adds the targets a therapeutic area names ("EGFR-mutant NSCLC") to the record’s targets', async () => {
    const company = await http<StoredCompany>(
      `${companies.url}/companies`,
      'POST',
      aCompany({
        therapeuticAreas: ['EGFR-mutant NSCLC'],
        targets: ['HER2'],
        assets: [{ name: 'HX-303', therapeuticAreas: ['EGFR-mutant NSCLC'] }],
      }),
    );
    expect(company.status).toBe(201);
    expect(company.body.therapeuticAreas).toEqual(['egfr-mutated-nsclc']);
    expect(company.body.targets).toEqual(['ERBB2', 'EGFR']);
    expect(company.body.assets?.[0]?.targets).toEqual(['EGFR']);
  });

  it('rejects an unknown nested term with a 400 naming its path, with suggestions', async () => {
    const response = await http<Problem>(
      `${companies.url}/companies`,
      'POST',
      aCompany({ assets: [{ ...HX_101, targets: ['Zorbium kinase', 'EGFR'] }] }),
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION.FAILED');
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'assets[0].targets[0]', message: 'unknown term "Zorbium kinase"' }),
    ]);
  });

  it('rejects structurally invalid assets naming the field', async () => {
    const unnamed = await http<Problem>(
      `${companies.url}/companies`,
      'POST',
      aCompany({ assets: [HX_101, { codes: ['X'] } as Asset] }),
    );
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors.map((problem) => problem.field)).toContain('assets[1].name');
    const tooMany = await http<Problem>(
      `${companies.url}/companies`,
      'POST',
      aCompany({ assets: Array.from({ length: MAX_ASSETS_PER_COMPANY + 1 }, (_, index) => ({ name: `A${index}` })) }),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors.map((problem) => problem.field)).toContain('assets');
  });

  it('ingests a partner profile with assets and carries them into matching’s projection', async () => {
    const externalId = `co-${randomUUID()}`;
    await publisher.publish(TOPICS.partnerCompanyProfiles, 'CompanyProfileSubmitted', externalId, {
      ...aCompany({ targets: ['HER2'], assets: [HX_101, { name: 'HX-202', targets: ['Zorbium kinase'] }] }),
      externalRef: { source, id: externalId },
    });
    const stored = await expectEventually(async () => {
      const page = await http<{ items: StoredCompany[] }>(
        `${companies.url}/companies?source=${source}&externalId=${externalId}`,
      );
      expect(page.body.items).toHaveLength(1);
      return page.body.items[0]!;
    });
    expect(stored.targets).toEqual(['ERBB2']);
    expect(stored.assets).toEqual([HX_101_STORED, { name: 'HX-202', codes: [], targets: [], therapeuticAreas: [] }]);
    expect(stored.unmappedTerms).toEqual(['Zorbium kinase']);

    await expectEventually(async () =>
      expect(await projectedProfile('company_projection', stored.id)).toMatchObject({
        version: 1,
        targets: ['ERBB2'],
        assets: stored.assets,
      }),
    );
  }, 30_000);

  it('stores a need’s targets by label and carries them into matching’s projection', async () => {
    const created = await http<{ id: string; targets: string[] }>(
      `${needs.url}/needs`,
      'POST',
      anRdNeed({ therapeuticAreas: ['EGFR-mutant NSCLC'], targets: ['HER2', 'KRAS G12C'] }),
    );
    expect(created.status).toBe(201);
    expect(created.body.targets).toEqual(['ERBB2', 'KRAS G12C', 'EGFR']);
    const rejected = await http<Problem>(`${needs.url}/needs`, 'POST', anRdNeed({ targets: ['Zorbium kinase'] }));
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors.map((problem) => problem.field)).toEqual(['targets[0]']);

    await expectEventually(async () =>
      expect(await projectedProfile('need_projection', created.body.id)).toMatchObject({
        targets: ['ERBB2', 'KRAS G12C', 'EGFR'],
      }),
    );
  }, 30_000);
});
