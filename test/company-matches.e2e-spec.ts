import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { CompanyProfileFields, RdNeedFields, StoredEntityFields } from '#contracts';
import { aCompany } from './factories/company.factory.js';
import { anRdNeed, NOTHING_IN_COMMON_WITH_A_COMPANY } from './factories/rd-need.factory.js';
import { expectEventually } from './utils/expect-eventually.js';
import { DEV_DASHBOARD_KEY, DEV_PARTNER_KEY, http } from './utils/http.js';
import { COMPANY_MATCH_FIELDS } from './utils/match-views.js';
import { ServiceProcess, useServices } from './utils/service-process.js';
import type { CompanyMatches, CompanyMatchItem } from '../apps/matching/src/shortlists/company-matches.service.js';

type StoredNeed = RdNeedFields & StoredEntityFields;
type StoredCompany = CompanyProfileFields & StoredEntityFields;

const PAGE = 200;

describe('GET /companies/:id/matches: the open needs ranked for a company', () => {
  const companies = new ServiceProcess('companies', 54);
  const needs = new ServiceProcess('rd-needs', 55);
  const matching = new ServiceProcess('matching', 56);
  const suffix = randomUUID().slice(0, 8);
  let company: StoredCompany;
  let bestFit: StoredNeed;
  let goodFit: StoredNeed;
  let gated: StoredNeed;
  let noFit: StoredNeed;

  const matchesUrl = (companyId: string, query = ''): string =>
    `${matching.url}/companies/${companyId}/matches${query}`;

  const createNeed = async (body: RdNeedFields): Promise<StoredNeed> => {
    const response = await http<StoredNeed>(`${needs.url}/needs`, 'POST', body);
    expect(response.status).toBe(201);
    return response.body;
  };

  /** The company's whole ranking, page by page (other e2e files leave their open needs in the shared database). */
  const ranking = async (companyId: string): Promise<CompanyMatchItem[]> => {
    const items: CompanyMatchItem[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await http<CompanyMatches>(matchesUrl(companyId, `?limit=${PAGE}&offset=${offset}`));
      expect(page.status).toBe(200);
      items.push(...page.body.matches);
      if (offset + PAGE >= page.body.total) return items;
    }
  };

  useServices(companies, needs, matching);

  beforeAll(async () => {
    [bestFit, goodFit, gated, noFit] = await Promise.all([
      createNeed(anRdNeed({ title: `Lung cancer small molecules ${suffix}` })),
      // Outside the company's development stage: a weaker fit.
      createNeed(anRdNeed({ title: `Clinical-stage lung cancer small molecules ${suffix}`, stages: ['phase-2'] })),
      createNeed(anRdNeed({ title: `GMP lung cancer manufacturing ${suffix}`, mustHave: ['gmp-manufacturing'] })),
      createNeed(anRdNeed({ title: `Nothing in common ${suffix}`, ...NOTHING_IN_COMMON_WITH_A_COMPANY })),
    ]);
    const created = await http<StoredCompany>(`${companies.url}/companies`, 'POST', aCompany());
    expect(created.status).toBe(201);
    company = created.body;
    // Matching holds the company and all four needs.
    await expectEventually(
      async () => {
        const ids = (await ranking(company.id)).map((item) => item.needId);
        expect(ids).toEqual(expect.arrayContaining([bestFit.id, goodFit.id, gated.id]));
        for (const need of [bestFit, goodFit, gated, noFit]) {
          expect((await http(`${matching.url}/needs/${need.id}/matches?limit=1`)).status).toBe(200);
        }
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
  }, 120_000);

  it('ranks the open needs the company fits, eligible first, then by score, each explained', async () => {
    const response = await http<CompanyMatches>(matchesUrl(company.id), 'GET', undefined, {
      apiKey: DEV_DASHBOARD_KEY,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      companyId: company.id,
      algorithmVersion: expect.any(String),
      limit: 50,
      offset: 0,
    });
    expect(Number.isNaN(Date.parse(response.body.computedAt))).toBe(false);

    const all = await ranking(company.id);
    expect(all.map((item) => item.rank)).toEqual(all.map((_item, index) => index + 1));
    for (let index = 1; index < all.length; index++) {
      const [before, after] = [all[index - 1]!, all[index]!];
      expect(before.eligible || !after.eligible).toBe(true);
      if (before.eligible === after.eligible) expect(before.score).toBeGreaterThanOrEqual(after.score);
    }

    const ours = all.filter((item) => [bestFit.id, goodFit.id, gated.id].includes(item.needId));
    expect(ours.map((item) => item.needTitle)).toEqual([bestFit.title, goodFit.title, gated.title]);
    expect(ours[0]!.score).toBeGreaterThan(ours[1]!.score);
    expect(ours[2]).toMatchObject({ eligible: false, unmetRequirements: ['gmp-manufacturing'] });
    expect(Object.keys(ours[0]!)).toEqual(COMPANY_MATCH_FIELDS);
    expect(ours[0]!.breakdown.length).toBeGreaterThan(3);
    expect(ours[0]!.breakdown[0]).toEqual({
      criterion: expect.any(String),
      score: expect.any(Number),
      weight: expect.any(Number),
      contribution: expect.any(Number),
      explanation: expect.any(String),
      terms: expect.any(Array),
    });
  });

  it('scores each pair exactly as the pair endpoint does', async () => {
    const item = (await ranking(company.id)).find((candidate) => candidate.needId === goodFit.id)!;
    const pair = await http<{ score: number; eligible: boolean; breakdown: unknown[] }>(
      `${matching.url}/needs/${goodFit.id}/matches/${company.id}`,
    );
    expect(pair.status).toBe(200);
    expect({ score: item.score, eligible: item.eligible, breakdown: item.breakdown }).toEqual({
      score: pair.body.score,
      eligible: pair.body.eligible,
      breakdown: pair.body.breakdown,
    });
  });

  it('leaves out open needs the company scores 0 for', async () => {
    expect((await ranking(company.id)).map((item) => item.needId)).not.toContain(noFit.id);
  });

  it('pages with limit and offset, keeping the overall ranks', async () => {
    const all = await ranking(company.id);
    const page = await http<CompanyMatches>(matchesUrl(company.id, '?limit=2&offset=1'));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: all.length, limit: 2, offset: 1 });
    expect(page.body.matches.map((item) => [item.needId, item.rank])).toEqual(
      all.slice(1, 3).map((item) => [item.needId, item.rank]),
    );
  });

  it('drops a need once it is closed', async () => {
    expect((await http(`${needs.url}/needs/${gated.id}`, 'PATCH', { status: 'closed' })).status).toBe(200);
    await expectEventually(async () =>
      expect((await ranking(company.id)).map((item) => item.needId)).not.toContain(gated.id),
    );
  });

  it('answers 404 for an unknown company, and for a deleted one', async () => {
    const unknown = await http<{ code: string }>(matchesUrl(randomUUID()));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('COMPANY.NOT_FOUND');

    const doomed = await http<StoredCompany>(`${companies.url}/companies`, 'POST', aCompany());
    await expectEventually(async () => expect((await http(matchesUrl(doomed.body.id))).status).toBe(200));
    expect((await http(`${companies.url}/companies/${doomed.body.id}`, 'DELETE')).status).toBe(204);
    await expectEventually(async () => expect((await http(matchesUrl(doomed.body.id))).status).toBe(404));
  }, 30_000);

  it.each([
    ['a malformed company id', '/companies/not-a-uuid/matches'],
    ['a limit of 0', '/companies/{id}/matches?limit=0'],
    ['a limit above 200', '/companies/{id}/matches?limit=201'],
    ['a negative offset', '/companies/{id}/matches?offset=-1'],
  ])('answers 400 for %s', async (_label, path) => {
    const response = await http(`${matching.url}${path.replace('{id}', company.id)}`);
    expect(response.status).toBe(400);
  });

  it('is not for partner keys', async () => {
    const response = await http(matchesUrl(company.id), 'GET', undefined, { apiKey: DEV_PARTNER_KEY });
    expect(response.status).toBe(403);
  });
});
