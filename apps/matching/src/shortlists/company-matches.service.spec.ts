import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ALGORITHM_VERSION } from '#engine';
import { NotFoundError, type TransactionOutcomes } from '#platform';
import type { CompanyProfileUpsertedV1, RdNeedUpsertedV1 } from '#contracts';
import { PopulationCorpus } from './population-corpus.js';
import type { ProjectionsRepository } from '../projections/projections.repository.js';
import { CompanyMatchesService } from './company-matches.service.js';
import { MatchesPageQuery } from './matches.dto.js';
import { aCompany as exampleCompany } from '../../../../test/factories/company.factory.js';
import { anRdNeed, NOTHING_IN_COMMON_WITH_A_COMPANY } from '../../../../test/factories/rd-need.factory.js';
import { COMPANY_MATCH_FIELDS } from '../../../../test/utils/match-views.js';

const stored = { version: 1, createdAt: '2025-11-01T00:00:00.000Z', updatedAt: '2025-11-01T00:00:00.000Z' };

const aCompany = (overrides: Partial<CompanyProfileUpsertedV1> = {}): CompanyProfileUpsertedV1 =>
  ({
    ...stored,
    id: randomUUID(),
    source: 'parkmatch',
    ...exampleCompany({ name: 'Kinase Biotech' }),
    unmappedTerms: [],
    ...overrides,
  }) as CompanyProfileUpsertedV1;

const aNeed = (overrides: Partial<RdNeedUpsertedV1> = {}): RdNeedUpsertedV1 => ({
  ...stored,
  id: randomUUID(),
  ...anRdNeed({ title: 'Lung cancer small molecules' }),
  unmappedTerms: [],
  ...overrides,
});

const page = (limit: number, offset: number): MatchesPageQuery =>
  Object.assign(new MatchesPageQuery(), { limit, offset });

const serviceWith = (companies: CompanyProfileUpsertedV1[], needs: RdNeedUpsertedV1[]) => {
  const projections = {
    activeCompany: async (id: string) => companies.find((company) => company.id === id) ?? null,
    companiesChangedSince: async () => ({
      changes: companies.map((company) => ({ id: company.id, version: company.version, profile: company })),
      readXmin: '1',
    }),
    openNeeds: async () => needs,
  } as unknown as ProjectionsRepository;
  // Reads outside transactions never ask how one ended.
  const outcomes = {} as TransactionOutcomes;
  return new CompanyMatchesService(projections, new PopulationCorpus(projections, outcomes));
};

describe('CompanyMatchesService', () => {
  const company = aCompany();
  const bestFit = aNeed({ title: 'Lung cancer small molecules' });
  // Outside the company's development stage: a weaker fit.
  const goodFit = aNeed({ title: 'Clinical-stage lung cancer small molecules', stages: ['phase-2'] });
  const gated = aNeed({ title: 'GMP lung cancer manufacturing', mustHave: ['gmp-manufacturing'] });
  const noFit = aNeed({ title: 'Nothing in common', ...NOTHING_IN_COMMON_WITH_A_COMPANY });
  const service = serviceWith([company], [noFit, gated, goodFit, bestFit]);

  it('ranks the open needs for a company, eligible first, each explained', async () => {
    const result = await service.forCompany(company.id, page(50, 0), 'en');

    expect(result).toMatchObject({ companyId: company.id, algorithmVersion: ALGORITHM_VERSION, limit: 50, offset: 0 });
    expect(result.matches.map((match) => match.needTitle)).toEqual([
      'Lung cancer small molecules',
      'Clinical-stage lung cancer small molecules',
      'GMP lung cancer manufacturing',
    ]);
    expect(result.matches.map((match) => match.rank)).toEqual([1, 2, 3]);
    expect(result.matches[0]!.score).toBeGreaterThan(result.matches[1]!.score);
    expect(result.matches[2]).toMatchObject({
      needId: gated.id,
      eligible: false,
      unmetRequirements: ['gmp-manufacturing'],
    });
    expect(result.matches[0]!.breakdown.length).toBeGreaterThan(3);
    expect(Object.keys(result.matches[0]!)).toEqual(COMPANY_MATCH_FIELDS);
  });

  it('leaves out needs the company scores 0 for, as a shortlist does', async () => {
    const result = await service.forCompany(company.id, page(50, 0), 'en');
    expect(result.total).toBe(3);
    expect(result.matches.map((match) => match.needId)).not.toContain(noFit.id);
  });

  it('pages through the ranking, keeping the overall ranks', async () => {
    const result = await service.forCompany(company.id, page(1, 1), 'en');
    expect(result).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(result.matches.map((match) => [match.needId, match.rank])).toEqual([[goodFit.id, 2]]);
    expect((await service.forCompany(company.id, page(10, 5), 'en')).matches).toEqual([]);
  });

  it('answers an empty ranking when no need is open', async () => {
    const result = await serviceWith([company], []).forCompany(company.id, page(50, 0), 'en');
    expect(result).toMatchObject({ total: 0, matches: [] });
  });

  it('answers 404 for an unknown or deleted company', async () => {
    await expect(service.forCompany(randomUUID(), page(50, 0), 'en')).rejects.toMatchObject({
      constructor: NotFoundError,
      code: 'COMPANY.NOT_FOUND',
      status: 404,
    });
  });
});
