import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aCompany } from '../factories/company.factory.js';
import { anRdNeed } from '../factories/rd-need.factory.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { http } from '../utils/http.js';
import { criterion, type MatchItem } from '../utils/match-views.js';
import { ScenarioStack, type StoredNeed } from './scenario-stack.js';

interface ErrorBody {
  code: string;
  errors?: { field: string; message: string }[];
}

/*
 * The engine's gate and preference scenarios (docs/matching-engine.md) through the REST API, including per-need
 * weight overrides written with PATCH and PUT.
 */
describe('matching scenarios through the REST API: gates and preferences', () => {
  const stack = new ScenarioStack('scenarios_preferences');

  beforeAll(() => stack.start(), 120_000);
  afterAll(() => stack.stop(), 60_000);

  it('ranks a company missing a must-have below every eligible company, whatever its score', async () => {
    const scenario = await stack.scenario(
      'Must-have gate',
      anRdNeed({
        therapeuticAreas: ['non-small-cell-lung-cancer'],
        modalities: ['antibody-drug-conjugate'],
        stages: ['preclinical', 'ind-enabling'],
        mustHave: ['bioconjugation'],
        niceToHave: ['in-vivo-pharmacology'],
      }),
      {
        strongButIneligible: aCompany({
          modalities: ['antibody-drug-conjugate'],
          capabilities: ['in-vivo-pharmacology'],
        }),
        weakerIneligible: aCompany({
          therapeuticAreas: ['oncology'],
          modalities: ['antibody'],
          capabilities: ['toxicology'],
        }),
        broadButEligible: aCompany({
          therapeuticAreas: ['oncology'],
          modalities: ['antibody'],
          developmentStages: ['phase-2'],
          capabilities: ['bioconjugation'],
        }),
        poorButEligible: aCompany({
          therapeuticAreas: ['asthma'],
          modalities: ['peptide'],
          developmentStages: ['marketed'],
          capabilities: ['bioconjugation'],
          collaborationTypes: ['fee-for-service'],
          seeking: ['talent'],
          partnerNetworks: [],
          wuxiCoLocation: 'none',
        }),
      },
    );

    const pairs = await scenario.pairs();
    expect(pairs.strongButIneligible).toMatchObject({ eligible: false, unmetRequirements: ['bioconjugation'] });
    expect(pairs.weakerIneligible).toMatchObject({ eligible: false, unmetRequirements: ['bioconjugation'] });
    expect(pairs.broadButEligible).toMatchObject({ eligible: true, unmetRequirements: [] });
    expect(pairs.poorButEligible).toMatchObject({ eligible: true, unmetRequirements: [] });
    expect(criterion(pairs.strongButIneligible, 'capability').explanation).toContain('UNMET Bioconjugation');
    // The gate, not the score, decides: the ineligible company scores higher than both eligible ones.
    expect(pairs.strongButIneligible.score).toBeGreaterThan(pairs.broadButEligible.score);
    expect(pairs.broadButEligible.score).toBeGreaterThan(pairs.poorButEligible.score);
    expect(pairs.strongButIneligible.score).toBeGreaterThan(pairs.weakerIneligible.score);

    expect(await scenario.order()).toEqual([
      'broadButEligible',
      'poorButEligible',
      'strongButIneligible',
      'weakerIneligible',
    ]);
    const shortlist = await stack.shortlist(scenario.need.id);
    const firstIneligible = shortlist.findIndex((match) => !match.eligible);
    expect(firstIneligible).toBeGreaterThan(0);
    expect(shortlist.slice(firstIneligible).every((match) => !match.eligible)).toBe(true);
    const listed = shortlist.find((match) => match.companyId === scenario.ids.strongButIneligible);
    expect(listed?.unmetRequirements).toEqual(['bioconjugation']);
  }, 60_000);

  it('credits reciprocity when the need offers what the company seeks', async () => {
    const scenario = await stack.scenario('Reciprocity', anRdNeed({ offering: ['funding', 'lab-space'] }), {
      seeksWhatIsOffered: aCompany({ seeking: ['venture-investment'] }),
      seeksHalf: aCompany({ seeking: ['lab-space', 'talent'] }),
      seeksOtherThings: aCompany({ seeking: ['talent'] }),
    });

    const pairs = await scenario.pairs();
    const reciprocity = (item: MatchItem): number => criterion(item, 'reciprocity').score;
    expect(reciprocity(pairs.seeksWhatIsOffered)).toBe(1);
    expect(reciprocity(pairs.seeksHalf)).toBe(0.5);
    expect(reciprocity(pairs.seeksOtherThings)).toBe(0);
    expect(await scenario.order()).toEqual(['seeksWhatIsOffered', 'seeksHalf', 'seeksOtherThings']);
  }, 60_000);

  describe('co-location', () => {
    it('ranks Wuxi residents above planned, interested and absent companies for a need preferring Wuxi', async () => {
      const scenario = await stack.scenario(
        'Wuxi co-location',
        anRdNeed({ preferWuxiCoLocation: true, preferChinaPresence: false }),
        {
          resident: aCompany({ wuxiCoLocation: 'resident' }),
          planned: aCompany({ wuxiCoLocation: 'planned' }),
          interested: aCompany({ wuxiCoLocation: 'interested' }),
          none: aCompany({ wuxiCoLocation: 'none' }),
        },
      );

      const pairs = await scenario.pairs();
      const geography = (item: MatchItem): number => criterion(item, 'geography').score;
      expect(geography(pairs.resident)).toBe(1);
      expect(geography(pairs.planned)).toBe(0.75);
      expect(geography(pairs.interested)).toBe(0.25);
      expect(geography(pairs.none)).toBe(0);
      expect(await scenario.order()).toEqual(['resident', 'planned', 'interested', 'none']);
    }, 60_000);

    it('counts a Wuxi resident as present in China', async () => {
      const scenario = await stack.scenario(
        'China presence',
        anRdNeed({ preferWuxiCoLocation: false, preferChinaPresence: true }),
        {
          resident: aCompany({ wuxiCoLocation: 'resident', chinaPresence: false }),
          chinaOffice: aCompany({ wuxiCoLocation: 'none', chinaPresence: true }),
          abroad: aCompany({ wuxiCoLocation: 'none', chinaPresence: false }),
        },
      );

      const pairs = await scenario.pairs();
      expect(criterion(pairs.resident, 'geography').score).toBe(1);
      expect(criterion(pairs.chinaOffice, 'geography').score).toBe(1);
      expect(criterion(pairs.abroad, 'geography').score).toBe(0);
      expect((await scenario.order()).at(-1)).toBe('abroad');
    }, 60_000);
  });

  it('ranks a member of a preferred partner network above non-members', async () => {
    const scenario = await stack.scenario(
      'Partner network',
      anRdNeed({ preferredPartnerNetworks: ['astrazeneca-wuxi-icampus'] }),
      {
        member: aCompany({ partnerNetworks: ['uk-bioindustry-association', 'astrazeneca-wuxi-icampus'] }),
        otherNetwork: aCompany({ partnerNetworks: ['skolkovo-foundation'] }),
        noNetwork: aCompany({ partnerNetworks: [] }),
      },
    );

    const pairs = await scenario.pairs();
    expect(criterion(pairs.member, 'partnerNetwork').score).toBe(1);
    expect(criterion(pairs.otherNetwork, 'partnerNetwork').score).toBe(0);
    expect(criterion(pairs.noNetwork, 'partnerNetwork').score).toBe(0);
    expect(pairs.otherNetwork.score).toBe(pairs.noNetwork.score);
    expect((await scenario.order())[0]).toBe('member');
  }, 60_000);

  describe('per-need weight overrides', () => {
    const geographyWeight = (item: MatchItem): number => criterion(item, 'geography').weight;

    it('re-ranks the shortlist when a need changes its weights, and back when they are removed', async () => {
      const body = anRdNeed({ therapeuticAreas: ['non-small-cell-lung-cancer'], preferWuxiCoLocation: true });
      const scenario = await stack.scenario('Weights', body, {
        exactArea: aCompany({ wuxiCoLocation: 'none' }),
        broadAreaResident: aCompany({ therapeuticAreas: ['oncology'], wuxiCoLocation: 'resident' }),
      });
      const needUrl = `${stack.needs.url}/needs/${scenario.need.id}`;
      expect(await scenario.order()).toEqual(['exactArea', 'broadAreaResident']);
      const defaultWeight = geographyWeight(await scenario.pair('exactArea'));

      const patched = await http<StoredNeed>(needUrl, 'PATCH', { weights: { geography: 1, therapeuticArea: 0.05 } });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ version: 2, weights: { geography: 1, therapeuticArea: 0.05 } });
      // Matching has applied version 2 once the pair endpoint weighs geography as the override says.
      await expectEventually(async () =>
        expect(geographyWeight(await scenario.pair('exactArea'))).toBeGreaterThan(defaultWeight),
      );
      const overridden = await scenario.pairs();
      expect(overridden.broadAreaResident.score).toBeGreaterThan(overridden.exactArea.score);
      expect(await scenario.order()).toEqual(['broadAreaResident', 'exactArea']);

      const replaced = await http<StoredNeed>(needUrl, 'PUT', { ...body, title: scenario.need.title });
      expect(replaced.status).toBe(200);
      expect(replaced.body.version).toBe(3);
      expect(replaced.body.weights).toBeUndefined();
      await expectEventually(async () => expect(geographyWeight(await scenario.pair('exactArea'))).toBe(defaultWeight));
      expect(await scenario.order()).toEqual(['exactArea', 'broadAreaResident']);
    }, 60_000);

    const invalidWeights: [string, Record<string, unknown>, string][] = [
      ['a negative weight', { geography: -1 }, 'weights.geography'],
      ['a weight above the maximum', { capability: 11 }, 'weights.capability'],
      ['a weight that is not a number', { sector: 'high' }, 'weights.sector'],
      ['an unknown criterion', { popularity: 1 }, 'weights.popularity'],
    ];

    it.each(invalidWeights)(
      'answers 400 naming the criterion for %s, and changes nothing',
      async (_case, weights, field) => {
        const need = await stack.createNeed(anRdNeed());
        const needUrl = `${stack.needs.url}/needs/${need.id}`;

        const patched = await http<ErrorBody>(needUrl, 'PATCH', { weights });
        expect(patched.status).toBe(400);
        expect(patched.body.code).toBe('VALIDATION.FAILED');
        expect(patched.body.errors?.map((problem) => problem.field)).toEqual([field]);

        const { title, description, owner } = need;
        const put = await http<ErrorBody>(needUrl, 'PUT', { ...anRdNeed({ title, description, owner }), weights });
        expect(put.status).toBe(400);
        expect(put.body.errors?.map((problem) => problem.field)).toEqual([field]);

        const created = await http<ErrorBody>(`${stack.needs.url}/needs`, 'POST', { ...anRdNeed(), weights });
        expect(created.status).toBe(400);
        expect(created.body.errors?.map((problem) => problem.field)).toEqual([field]);

        const stored = await http<StoredNeed>(needUrl);
        expect(stored.body.version).toBe(need.version);
        expect(stored.body.weights).toBeUndefined();
      },
      60_000,
    );
  });
});
