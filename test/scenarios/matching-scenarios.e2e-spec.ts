import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CompanyProfileFields } from '#contracts';
import { aCompany, aDiagnosticsCompany } from '../factories/company.factory.js';
import { aDiagnosticsNeed, anRdNeed } from '../factories/rd-need.factory.js';
import { http } from '../utils/http.js';
import { criterion, type MatchItem } from '../utils/match-views.js';
import { ScenarioStack, type StoredCompany, type StoredNeed } from './scenario-stack.js';

/*
 * The engine's term scenarios (docs/matching-engine.md) through the REST API: companies and needs are written to
 * their services, travel over Kafka to matching, and are read back from the shortlist and the pair endpoint.
 */
describe('matching scenarios through the REST API: terms', () => {
  const stack = new ScenarioStack('scenarios_terms');

  beforeAll(() => stack.start(), 120_000);
  afterAll(() => stack.stop(), 60_000);

  const areaCredit = (item: MatchItem): number => criterion(item, 'therapeuticArea').score;

  it('credits a more specific area fully, a broader one partially and a sibling next to nothing', async () => {
    const scenario = await stack.scenario('Hierarchy', anRdNeed({ therapeuticAreas: ['non-small-cell-lung-cancer'] }), {
      moreSpecific: aCompany({ therapeuticAreas: ['egfr-mutated-nsclc'] }),
      same: aCompany({ therapeuticAreas: ['non-small-cell-lung-cancer'] }),
      parent: aCompany({ therapeuticAreas: ['lung-cancer'] }),
      farAncestor: aCompany({ therapeuticAreas: ['oncology'] }),
      sibling: aCompany({ therapeuticAreas: ['small-cell-lung-cancer'] }),
      unrelated: aCompany({ therapeuticAreas: ['asthma'] }),
    });

    const { moreSpecific, same, parent, farAncestor, sibling, unrelated } = await scenario.pairs();
    expect(areaCredit(moreSpecific)).toBe(1);
    expect(moreSpecific.score).toBe(same.score);
    expect(areaCredit(parent)).toBe(0.5);
    expect(areaCredit(farAncestor)).toBe(0.25);
    expect(areaCredit(sibling)).toBe(0.1);
    expect(areaCredit(unrelated)).toBe(0);
    expect(criterion(parent, 'therapeuticArea').explanation).toContain("Lung cancer, broader than the need's");

    const order = (await scenario.order()).filter((key) => key !== 'same');
    expect(order).toEqual(['moreSpecific', 'parent', 'farAncestor', 'sibling', 'unrelated']);
  }, 60_000);

  describe('synonyms across languages', () => {
    const byIds = aCompany({
      organisationType: 'biotech',
      sectors: ['therapeutics'],
      therapeuticAreas: ['non-small-cell-lung-cancer', 'egfr-mutated-nsclc'],
      modalities: ['small-molecule'],
      developmentStages: ['preclinical'],
      capabilities: ['target-identification', 'medicinal-chemistry'],
      collaborationTypes: ['co-development', 'licensing'],
      seeking: ['funding'],
      partnerNetworks: ['uk-bioindustry-association'],
    });
    const inChinese = aCompany({
      organisationType: '生物技术公司',
      sectors: ['治疗药物'],
      therapeuticAreas: ['非小细胞肺癌', 'EGFR突变非小细胞肺癌'],
      modalities: ['小分子药物'],
      developmentStages: ['临床前'],
      capabilities: ['靶点发现', '药物化学'],
      collaborationTypes: ['联合开发', '授权许可'],
      seeking: ['资金支持'],
      partnerNetworks: ['英国生物产业协会'],
    });
    const inEnglishSynonyms = aCompany({
      organisationType: 'Biotech company',
      sectors: ['biopharma'],
      therapeuticAreas: ['NSCLC', 'EGFRm NSCLC'],
      modalities: ['small molecules'],
      developmentStages: ['preclinical development'],
      capabilities: ['target ID', 'med chem'],
      collaborationTypes: ['joint development', 'licensing deal'],
      seeking: ['financing'],
      partnerNetworks: ['UK BIA'],
    });
    const termFields = [
      'organisationType',
      'sectors',
      'therapeuticAreas',
      'modalities',
      'developmentStages',
      'capabilities',
      'collaborationTypes',
      'seeking',
      'partnerNetworks',
    ] as const;
    const termsOf = (company: CompanyProfileFields) =>
      Object.fromEntries(termFields.map((field) => [field, company[field]]));

    it('stores Chinese labels and English synonyms as ids and scores them as the ids', async () => {
      const scenario = await stack.scenario(
        'Synonyms',
        anRdNeed({
          therapeuticAreas: ['non-small-cell-lung-cancer'],
          niceToHave: ['target-identification', 'medicinal-chemistry'],
          collaborationTypes: ['co-development', 'licensing'],
        }),
        { byIds, inChinese, inEnglishSynonyms },
      );

      const stored = await Promise.all(
        (['byIds', 'inChinese', 'inEnglishSynonyms'] as const).map(async (key) => {
          const response = await http<StoredCompany>(`${stack.companies.url}/companies/${scenario.ids[key]}`);
          expect(response.status).toBe(200);
          return response.body;
        }),
      );
      const [ids, chinese, english] = stored as [StoredCompany, StoredCompany, StoredCompany];
      expect(termsOf(ids)).toEqual(termsOf(byIds));
      expect(termsOf(chinese)).toEqual(termsOf(ids));
      expect(termsOf(english)).toEqual(termsOf(ids));
      expect(chinese.unmappedTerms).toEqual([]);

      const pairs = await scenario.pairs();
      const idsPair = pairs.byIds;
      // Every term matches; lexical relevance, which shares only some of the factory texts' words, keeps it below 1.
      for (const name of ['therapeuticArea', 'modality', 'developmentStage', 'capability', 'collaborationType']) {
        expect(criterion(idsPair, name).score).toBe(1);
      }
      expect(criterion(idsPair, 'textRelevance').score).toBeGreaterThan(0);
      expect(idsPair.score).toBeLessThan(1);
      for (const pair of [pairs.inChinese, pairs.inEnglishSynonyms]) {
        expect(pair.score).toBe(idsPair.score);
        expect(pair.eligible).toBe(idsPair.eligible);
        expect(pair.breakdown).toEqual(idsPair.breakdown);
      }
    }, 60_000);

    it('stores a need written in Chinese labels and synonyms as ids', async () => {
      const need = await stack.createNeed(
        anRdNeed({
          therapeuticAreas: ['晚期非小细胞肺癌'],
          modalities: ['小分子'],
          stages: ['临床前', 'IND-enabling'],
          sectors: ['创新药'],
          niceToHave: ['med chem'],
          collaborationTypes: ['共同开发'],
          offering: ['融资'],
          preferredPartnerNetworks: ['BIA'],
        }),
      );
      const stored = await http<StoredNeed>(`${stack.needs.url}/needs/${need.id}`);
      expect(stored.body).toMatchObject({
        therapeuticAreas: ['non-small-cell-lung-cancer'],
        modalities: ['small-molecule'],
        stages: ['preclinical', 'ind-enabling'],
        sectors: ['therapeutics'],
        niceToHave: ['medicinal-chemistry'],
        collaborationTypes: ['co-development'],
        offering: ['funding'],
        preferredPartnerNetworks: ['uk-bioindustry-association'],
      });
      const company = await stack.createCompany({ ...byIds, name: `Synonyms need side ${need.id.slice(0, 8)}` });
      await stack.shortlistOrder(need.id, [company.id]);
      const pair = await stack.pair(need.id, company.id);
      expect(areaCredit(pair)).toBe(1);
      expect(criterion(pair, 'capability').score).toBe(1);
    }, 60_000);
  });

  it('credits a stage inside the window fully and less with every step outside it', async () => {
    const scenario = await stack.scenario('Stage window', anRdNeed({ stages: ['preclinical', 'ind-enabling'] }), {
      inside: aCompany({ developmentStages: ['ind-enabling'] }),
      oneStepLater: aCompany({ developmentStages: ['phase-1'] }),
      oneStepEarlier: aCompany({ developmentStages: ['lead-optimisation'] }),
      twoStepsLater: aCompany({ developmentStages: ['phase-2'] }),
      threeStepsLater: aCompany({ developmentStages: ['phase-3'] }),
    });

    const pairs = await scenario.pairs();
    const stage = (item: MatchItem): number => criterion(item, 'developmentStage').score;
    expect(stage(pairs.inside)).toBe(1);
    expect(stage(pairs.oneStepLater)).toBe(0.5);
    expect(stage(pairs.oneStepEarlier)).toBe(0.5);
    expect(pairs.oneStepEarlier.score).toBe(pairs.oneStepLater.score);
    expect(stage(pairs.twoStepsLater)).toBe(0.25);
    expect(stage(pairs.threeStepsLater)).toBe(0);

    const order = (await scenario.order()).filter((key) => key !== 'oneStepEarlier');
    expect(order).toEqual(['inside', 'oneStepLater', 'twoStepsLater', 'threeStepsLater']);
  }, 60_000);

  it('ranks a focused exact match above a company tagged in many areas', async () => {
    const scenario = await stack.scenario('Focus', anRdNeed({ therapeuticAreas: ['non-small-cell-lung-cancer'] }), {
      focused: aCompany({ therapeuticAreas: ['non-small-cell-lung-cancer'] }),
      everywhere: aCompany({
        organisationType: 'cro',
        therapeuticAreas: [
          'non-small-cell-lung-cancer',
          'breast-cancer',
          'colorectal-cancer',
          'gastric-cancer',
          'asthma',
          'type-2-diabetes',
        ],
      }),
    });

    const { focused, everywhere } = await scenario.pairs();
    expect(areaCredit(focused)).toBe(1);
    expect(areaCredit(everywhere)).toBe(1);
    expect(criterion(focused, 'focus').score).toBe(1);
    expect(criterion(everywhere, 'focus').score).toBeLessThan(0.5);
    expect(focused.score).toBeGreaterThan(everywhere.score);
    expect(await scenario.order()).toEqual(['focused', 'everywhere']);
  }, 60_000);

  it('ranks a diagnostics company above a therapeutics company that fits a diagnostics need better otherwise', async () => {
    const scenario = await stack.scenario('Sector', aDiagnosticsNeed(), {
      diagnostics: aDiagnosticsCompany(),
      therapeutics: aCompany({
        sectors: ['therapeutics'],
        description: 'Colorectal cancer liquid biopsy, biomarker discovery and in-vitro diagnostic assays.',
        therapeuticAreas: ['colorectal-cancer'],
        modalities: ['in-vitro-diagnostic', 'small-molecule'],
        developmentStages: ['trl-5'],
        capabilities: ['liquid-biopsy', 'biomarker-discovery', 'ivd-assay-development'],
        collaborationTypes: ['co-development', 'licensing'],
      }),
    });

    const { diagnostics, therapeutics } = await scenario.pairs();
    const beforeSector = (item: MatchItem): number => item.score - criterion(item, 'sector').contribution;
    expect(criterion(diagnostics, 'sector')).toMatchObject({ score: 1, contribution: 0 });
    expect(criterion(therapeutics, 'sector').score).toBe(0);
    expect(criterion(therapeutics, 'sector').contribution).toBeLessThan(0);
    expect(beforeSector(therapeutics)).toBeGreaterThan(beforeSector(diagnostics));
    expect(diagnostics.score).toBeGreaterThan(therapeutics.score);
    expect(await scenario.order()).toEqual(['diagnostics', 'therapeutics']);
  }, 60_000);
});
