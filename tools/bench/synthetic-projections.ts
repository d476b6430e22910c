import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { defaultEngineVocabulary } from '#engine';
import { syntheticPopulation } from '../../libs/engine/bench/synthetic-population.js';

export interface PopulationLoad {
  readonly companies: number;
  readonly needs: number;
  readonly seed?: number;
}

/** Rows per INSERT … UNNEST: large enough to keep round trips few, small enough to keep statements cheap. */
const CHUNK = 5_000;
const COUNTRIES = ['CN', 'GB', 'SE', 'RU', 'US', 'DE', 'CH'];

/**
 * Writes a realistic synthetic population (the engine benchmark's generator, fixed seed) straight into matching's
 * projections, shaped like the payloads of `CompanyProfileUpserted` and `RdNeedUpserted`. For benchmarks and load tests only.
 */
export const loadSyntheticProjections = async (
  dataSource: DataSource,
  size: PopulationLoad,
): Promise<{ companyIds: string[]; needIds: string[] }> => {
  const population = syntheticPopulation(defaultEngineVocabulary(), size);
  const now = new Date().toISOString();
  const companies = population.companies.map((profile, index) => ({
    ...profile,
    id: randomUUID(),
    version: 1,
    name: `Synthetic Organisation ${index + 1}`,
    organisationType: 'biotech',
    country: COUNTRIES[index % COUNTRIES.length]!,
    city: 'Wuxi',
    description: 'Synthetic profile for load tests.',
    unmappedTerms: [...(profile.unmappedTerms ?? [])],
    createdAt: now,
    updatedAt: now,
  }));
  const needs = population.needs.map((profile, index) => ({
    ...profile,
    id: randomUUID(),
    version: 1,
    title: `Synthetic R&D need ${index + 1}`,
    description: 'Synthetic need for load tests.',
    owner: 'AstraZeneca R&D',
    priority: 'medium',
    status: 'open',
    unmappedTerms: [...(profile.unmappedTerms ?? [])],
    createdAt: now,
    updatedAt: now,
  }));
  for (let start = 0; start < companies.length; start += CHUNK) {
    const chunk = companies.slice(start, start + CHUNK);
    await dataSource.query(
      `INSERT INTO matching.company_projection (id, version, name, country, sectors, profile)
       SELECT id, 1, name, country, '{}', profile
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[]) AS t(id, name, country, profile)`,
      [
        chunk.map((company) => company.id),
        chunk.map((company) => company.name),
        chunk.map((company) => company.country),
        chunk.map((company) => JSON.stringify(company)),
      ],
    );
  }
  for (let start = 0; start < needs.length; start += CHUNK) {
    const chunk = needs.slice(start, start + CHUNK);
    await dataSource.query(
      `INSERT INTO matching.need_projection (id, version, title, open, profile)
       SELECT id, 1, title, true, profile FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) AS t(id, title, profile)`,
      [chunk.map((need) => need.id), chunk.map((need) => need.title), chunk.map((need) => JSON.stringify(need))],
    );
  }
  return { companyIds: companies.map((company) => company.id), needIds: needs.map((need) => need.id) };
};
