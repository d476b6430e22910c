import { beforeAll, describe, expect, it } from '@jest/globals';
import type { CompanyProfileFields, RdNeedFields, StoredEntityFields } from '#contracts';
import { aCompany } from './factories/company.factory.js';
import { anRdNeed } from './factories/rd-need.factory.js';
import { expectEventually } from './utils/expect-eventually.js';
import { DEV_DASHBOARD_KEY, http, type HttpResult } from './utils/http.js';
import { criterion, type CompanyMatches, type MatchItem, type NeedMatches } from './utils/match-views.js';
import { ServiceProcess, useServices } from './utils/service-process.js';

type Stored<T> = T & StoredEntityFields;

// The example need asks for lung cancer; the example company works on non-small cell lung cancer, a subtype of it.
const AREA_IN_ENGLISH = "Works on Non-small cell lung cancer, a subtype of the need's Lung cancer.";
const AREA_IN_CHINESE = '研究非小细胞肺癌，属于需求所述肺癌的亚型。';
const NSCLC_IN_CHINESE = { vocabulary: 'therapeuticAreas', id: 'non-small-cell-lung-cancer', label: '非小细胞肺癌' };
const NSCLC_IN_ENGLISH = { ...NSCLC_IN_CHINESE, label: 'Non-small cell lung cancer' };

describe('matches in Chinese: ?lang=zh or Accept-Language: zh', () => {
  const companies = new ServiceProcess('companies', 57);
  const needs = new ServiceProcess('rd-needs', 58);
  const matching = new ServiceProcess('matching', 59);
  let need: Stored<RdNeedFields>;
  let company: Stored<CompanyProfileFields>;

  const get = <T>(path: string, headers: Record<string, string> = {}): Promise<HttpResult<T>> =>
    http<T>(`${matching.url}${path}`, 'GET', undefined, { apiKey: DEV_DASHBOARD_KEY, headers });
  const shortlistItem = async (query: string, headers?: Record<string, string>): Promise<MatchItem> => {
    const response = await get<NeedMatches>(`/needs/${need.id}/matches${query}`, headers);
    expect(response.status).toBe(200);
    const item = response.body.matches.find((match) => match.companyId === company.id);
    if (!item) throw new Error(`company ${company.id} is not on the shortlist of need ${need.id}`);
    return item;
  };
  const pair = async (query: string, headers?: Record<string, string>): Promise<MatchItem> => {
    const response = await get<MatchItem>(`/needs/${need.id}/matches/${company.id}${query}`, headers);
    expect(response.status).toBe(200);
    return response.body;
  };

  useServices(companies, needs, matching);

  beforeAll(async () => {
    const createdNeed = await http<Stored<RdNeedFields>>(`${needs.url}/needs`, 'POST', anRdNeed());
    expect(createdNeed.status).toBe(201);
    need = createdNeed.body;
    const createdCompany = await http<Stored<CompanyProfileFields>>(`${companies.url}/companies`, 'POST', aCompany());
    expect(createdCompany.status).toBe(201);
    company = createdCompany.body;
    await expectEventually(async () => expect((await shortlistItem('?limit=200')).rank).not.toBeNull(), {
      timeoutMs: 20_000,
      intervalMs: 200,
    });
  }, 120_000);

  it('explains a shortlist in Chinese, a Chinese label beside each id', async () => {
    const item = await shortlistItem('?limit=200&lang=zh');
    const area = criterion(item, 'therapeuticArea');
    expect(area.explanation).toBe(AREA_IN_CHINESE);
    expect(area.terms).toContainEqual(NSCLC_IN_CHINESE);
    expect(criterion(item, 'sector').explanation).toBe('属于治疗药物。');
    for (const entry of item.breakdown) expect(entry.explanation).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('explains a pair in Chinese when Accept-Language prefers it', async () => {
    const item = await pair('', { 'accept-language': 'fr;q=1, zh-CN;q=0.9, en;q=0.5' });
    expect(criterion(item, 'therapeuticArea')).toMatchObject({ explanation: AREA_IN_CHINESE });
    expect(criterion(item, 'therapeuticArea').terms).toContainEqual(NSCLC_IN_CHINESE);
  });

  it('ranks a company’s needs with Chinese explanations', async () => {
    const response = await get<CompanyMatches>(`/companies/${company.id}/matches?limit=200&lang=zh`);
    expect(response.status).toBe(200);
    const item = response.body.matches.find((match) => match.needId === need.id)!;
    expect(item.breakdown.find((entry) => entry.criterion === 'therapeuticArea')!.explanation).toBe(AREA_IN_CHINESE);
  });

  it('answers in English by default, and when ?lang=en overrides the header, exactly as before', async () => {
    const byDefault = await pair('');
    const overridden = await pair('?lang=en', { 'accept-language': 'zh' });
    expect(criterion(byDefault, 'therapeuticArea').explanation).toBe(AREA_IN_ENGLISH);
    expect(criterion(byDefault, 'therapeuticArea').terms).toContainEqual(NSCLC_IN_ENGLISH);
    expect(overridden).toEqual(byDefault);
    expect(criterion(await shortlistItem('?limit=200'), 'therapeuticArea').explanation).toBe(AREA_IN_ENGLISH);
  });

  it('scores and ranks the same in either language', async () => {
    const [english, chinese] = await Promise.all([shortlistItem('?limit=200'), shortlistItem('?limit=200&lang=zh')]);
    expect({ rank: chinese.rank, score: chinese.score, eligible: chinese.eligible }).toEqual({
      rank: english.rank,
      score: english.score,
      eligible: english.eligible,
    });
    expect(chinese.breakdown.map(({ criterion: name, contribution }) => [name, contribution])).toEqual(
      english.breakdown.map(({ criterion: name, contribution }) => [name, contribution]),
    );
  });

  it('documents ?lang= and Accept-Language on every match route', async () => {
    type Parameter = { name: string; in: string; schema?: { enum?: string[] } };
    const document = (await (await fetch(`${matching.url}/docs-json`)).json()) as {
      paths: Record<string, { get?: { parameters?: Parameter[] } }>;
    };
    for (const path of [
      '/needs/{needId}/matches',
      '/needs/{needId}/matches/{companyId}',
      '/companies/{companyId}/matches',
    ]) {
      const parameters = document.paths[path]?.get?.parameters ?? [];
      expect(parameters).toContainEqual(
        expect.objectContaining({ name: 'lang', in: 'query', schema: expect.objectContaining({ enum: ['en', 'zh'] }) }),
      );
      expect(parameters).toContainEqual(expect.objectContaining({ name: 'Accept-Language', in: 'header' }));
    }
  });

  it.each([`/needs/:need/matches`, `/needs/:need/matches/:company`, `/companies/:company/matches`])(
    'refuses an unknown ?lang= on %s with a 400 naming lang',
    async (route) => {
      const path = route.replace(':need', need.id).replace(':company', company.id);
      const response = await get<{ code: string; errors: { field: string }[] }>(`${path}?lang=fr`);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((problem) => problem.field)).toContain('lang');
    },
  );
});
