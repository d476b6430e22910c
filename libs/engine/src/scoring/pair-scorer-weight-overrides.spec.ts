import { describe, expect, it } from '@jest/globals';
import { topKForNeed } from '../ranking/match-ranking.js';
import { DEFAULT_WEIGHTS, type CriterionWeights } from './criterion-weights.js';
import { aCompany, aNeed, criterionOf, fixtureVocabulary } from './engine-vocabulary.fixture.js';
import { scorePair } from './pair-scorer.js';

const vocab = fixtureVocabulary();
const areaFit = aCompany({ id: 'area-fit', therapeuticAreas: ['nsclc'] });
const imagingFit = aCompany({ id: 'imaging-fit', capabilities: ['imaging'] });
const needWith = (weights?: Partial<CriterionWeights>) =>
  aNeed({ therapeuticAreas: ['nsclc'], niceToHave: ['imaging'], ...(weights === undefined ? {} : { weights }) });
const order = (weights?: Partial<CriterionWeights>) =>
  topKForNeed(needWith(weights), [areaFit, imagingFit], 2, vocab).map((match) => match.companyId);

describe('weights', () => {
  it('default to weights that sum to 1 over the additive criteria', () => {
    const { sector, ...additive } = DEFAULT_WEIGHTS;

    expect(Object.values(additive).reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12);
    expect(sector).toBeGreaterThan(0);
    expect(sector).toBeLessThanOrEqual(1);
  });

  it('are renormalised over the criteria a need uses, so breakdown weights sum to 1', () => {
    const result = scorePair(needWith(), areaFit, vocab);
    const additive = result.breakdown.filter((entry) => entry.criterion !== 'sector');

    expect(additive.reduce((sum, entry) => sum + entry.weight, 0)).toBeCloseTo(1, 12);
    const used = DEFAULT_WEIGHTS.therapeuticArea + DEFAULT_WEIGHTS.focus + DEFAULT_WEIGHTS.capability;
    expect(criterionOf(result, 'therapeuticArea').weight).toBeCloseTo(DEFAULT_WEIGHTS.therapeuticArea / used, 12);
    expect(criterionOf(result, 'modality').weight).toBe(0);
  });

  it('can be overridden per need and change the ranking', () => {
    expect(order()).toEqual(['area-fit', 'imaging-fit']);
    expect(order({ capability: 1 })).toEqual(['imaging-fit', 'area-fit']);
  });

  it('switch a criterion off at zero', () => {
    const result = scorePair(needWith({ therapeuticArea: 0, focus: 0 }), areaFit, vocab);

    expect(result.score).toBe(0);
    expect(criterionOf(result, 'therapeuticArea')).toMatchObject({ score: 1, weight: 0, contribution: 0 });
  });

  it('ignore overrides that are not finite and non-negative', () => {
    const invalid = { therapeuticArea: -1, capability: Number.NaN, focus: Number.POSITIVE_INFINITY };

    expect(scorePair(needWith(invalid), areaFit, vocab)).toEqual(scorePair(needWith(), areaFit, vocab));
  });

  it('let a need decide how much a sector mismatch costs', () => {
    const company = aCompany({ sectors: ['therapeutics'], therapeuticAreas: ['nsclc'] });
    const score = (sector: number) =>
      scorePair(aNeed({ sectors: ['diagnostics'], therapeuticAreas: ['nsclc'], weights: { sector } }), company, vocab)
        .score;

    expect(score(0)).toBe(1);
    expect(score(0.25)).toBe(0.75);
    expect(score(1)).toBe(0);
    expect(score(7)).toBe(0);
  });
});
