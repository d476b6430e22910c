import { describe, expect, it } from '@jest/globals';
import { vocabularyIndexes, type VocabularyIndex, type VocabularyName } from '#engine';
import { DEMO_COMPANIES, DEMO_NEEDS } from './demo-data.js';
import type { DemoCompany, DemoNeed } from './demo-data.types.js';

const COMPANY_FIELDS: readonly (readonly [keyof DemoCompany, VocabularyName])[] = [
  ['sectors', 'sectors'],
  ['therapeuticAreas', 'therapeuticAreas'],
  ['targets', 'targets'],
  ['modalities', 'modalities'],
  ['developmentStages', 'developmentStages'],
  ['capabilities', 'capabilities'],
  ['collaborationTypes', 'collaborationTypes'],
  ['seeking', 'offerings'],
  ['partnerNetworks', 'partnerNetworks'],
];

const NEED_FIELDS: readonly (readonly [keyof DemoNeed, VocabularyName])[] = [
  ['therapeuticAreas', 'therapeuticAreas'],
  ['targets', 'targets'],
  ['modalities', 'modalities'],
  ['stages', 'developmentStages'],
  ['sectors', 'sectors'],
  ['mustHave', 'capabilities'],
  ['niceToHave', 'capabilities'],
  ['collaborationTypes', 'collaborationTypes'],
  ['offering', 'offerings'],
  ['preferredPartnerNetworks', 'partnerNetworks'],
];

function unknownIds<T>(records: readonly T[], fields: readonly (readonly [keyof T, VocabularyName])[]): string[] {
  return records.flatMap((record) =>
    fields.flatMap(([field, vocabulary]) => {
      const ids = (record[field] ?? []) as readonly string[];
      return ids.filter((id) => !vocabularyIndexes[vocabulary].has(id)).map((id) => `${String(field)}: ${id}`);
    }),
  );
}

function sentenceCount(text: string): number {
  return text.split(/(?<=[.!?])\s+/u).filter((sentence) => sentence.trim() !== '').length;
}

function overlaps(index: VocabularyIndex, a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => index.isDescendantOrSelf(x, y) || index.isDescendantOrSelf(y, x)));
}

/**
 * Works in the need's therapeutic area, or in none in particular as service providers do, and has every must-have
 * capability or a more specific one.
 */
function isPlausibleMatch(need: DemoNeed, company: DemoCompany): boolean {
  const capabilities = vocabularyIndexes.capabilities;
  return (
    (company.therapeuticAreas.length === 0 ||
      overlaps(vocabularyIndexes.therapeuticAreas, need.therapeuticAreas, company.therapeuticAreas)) &&
    need.mustHave.every((required) => company.capabilities.some((id) => capabilities.isDescendantOrSelf(id, required)))
  );
}

describe('demo dataset', () => {
  it('has about 60 companies and 15 needs with unique external ids and names', () => {
    expect(DEMO_COMPANIES.length).toBeGreaterThanOrEqual(55);
    expect(DEMO_NEEDS.length).toBeGreaterThanOrEqual(14);
    const externalIds = [...DEMO_COMPANIES, ...DEMO_NEEDS].map((record) => record.externalId);
    expect(new Set(externalIds).size).toBe(externalIds.length);
    for (const company of DEMO_COMPANIES) expect(company.externalId).toMatch(/^demo-co-\d{3}$/u);
    for (const need of DEMO_NEEDS) expect(need.externalId).toMatch(/^demo-need-\d{3}$/u);
    expect(new Set(DEMO_COMPANIES.map((company) => company.name)).size).toBe(DEMO_COMPANIES.length);
  });

  it('codes every company field with ids from its vocabulary', () => {
    expect(unknownIds(DEMO_COMPANIES, COMPANY_FIELDS)).toEqual([]);
    const organisationTypes = DEMO_COMPANIES.map((company) => company.organisationType);
    expect(organisationTypes.filter((id) => !vocabularyIndexes.organisationTypes.has(id))).toEqual([]);
  });

  it('codes every asset term with ids from its vocabulary, and gives some companies assets and targets', () => {
    const assets = DEMO_COMPANIES.flatMap((company) => company.assets ?? []);
    const unknown = assets.flatMap((asset) => [
      ...(vocabularyIndexes.modalities.has(asset.modality) ? [] : [`${asset.name}: ${asset.modality}`]),
      ...(vocabularyIndexes.developmentStages.has(asset.stage) ? [] : [`${asset.name}: ${asset.stage}`]),
      ...asset.targets.filter((id) => !vocabularyIndexes.targets.has(id)).map((id) => `${asset.name}: ${id}`),
      ...asset.therapeuticAreas
        .filter((id) => !vocabularyIndexes.therapeuticAreas.has(id))
        .map((id) => `${asset.name}: ${id}`),
    ]);
    expect(unknown).toEqual([]);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    expect(DEMO_COMPANIES.filter((company) => (company.targets ?? []).length > 0).length).toBeGreaterThanOrEqual(5);
    expect(DEMO_NEEDS.filter((need) => (need.targets ?? []).length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('codes every need field with ids from its vocabulary', () => {
    expect(unknownIds(DEMO_NEEDS, NEED_FIELDS)).toEqual([]);
  });

  it('uses ISO country codes, short English descriptions and no real company names but AstraZeneca', () => {
    for (const company of DEMO_COMPANIES) {
      expect(company.country).toMatch(/^(GB|SE|RU|CN)$/u);
      expect(sentenceCount(company.description)).toBeGreaterThanOrEqual(1);
      expect(sentenceCount(company.description)).toBeLessThanOrEqual(3);
      expect(company.name).not.toMatch(/astrazeneca/iu);
      if (company.website !== undefined) expect(company.website).toMatch(/^https:\/\/[a-z0-9-]+\.example$/u);
    }
    for (const need of DEMO_NEEDS) {
      expect(sentenceCount(need.description)).toBeLessThanOrEqual(3);
      expect(need.owner).toMatch(/AstraZeneca/u);
      if (need.deadline !== undefined) expect(new Date(need.deadline).toISOString().slice(0, 10)).toBe(need.deadline);
    }
  });

  it('draws companies from every partner network and from Wuxi itself', () => {
    const networks = new Set(DEMO_COMPANIES.flatMap((company) => company.partnerNetworks));
    for (const network of [
      'uk-bioindustry-association',
      'bioventurehub',
      'skolkovo-foundation',
      'wuxi-high-tech-district',
    ]) {
      expect(networks).toContain(network);
    }
    expect(DEMO_COMPANIES.filter((company) => company.wuxiCoLocation === 'resident').length).toBeGreaterThanOrEqual(10);
  });

  it.each(DEMO_NEEDS.map((need) => [need.externalId, need] as const))(
    '%s has several plausible matches and many clear non-matches',
    (_externalId, need) => {
      const plausible = DEMO_COMPANIES.filter((company) => isPlausibleMatch(need, company));
      const unrelated = DEMO_COMPANIES.filter(
        (company) => !overlaps(vocabularyIndexes.therapeuticAreas, need.therapeuticAreas, company.therapeuticAreas),
      );
      expect(plausible.length).toBeGreaterThanOrEqual(3);
      expect(unrelated.length).toBeGreaterThanOrEqual(20);
    },
  );
});
