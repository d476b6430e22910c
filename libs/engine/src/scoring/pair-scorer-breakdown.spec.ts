import { describe, expect, it } from '@jest/globals';
import { ALGORITHM_VERSION } from './algorithm-version.js';
import { CRITERIA } from './criterion-weights.js';
import { aCompany, aNeed, fixtureVocabulary } from './engine-vocabulary.fixture.js';
import { scorePair } from './pair-scorer.js';

const vocab = fixtureVocabulary();
const need = aNeed({
  therapeuticAreas: ['nsclc', 'breast-cancer'],
  modalities: ['adc'],
  stages: ['phase-1', 'phase-2'],
  sectors: ['therapeutics'],
  mustHave: ['gmp-manufacturing'],
  niceToHave: ['imaging'],
  collaborationTypes: ['co-development', 'licensing'],
  offering: ['funding'],
  preferChinaPresence: true,
  preferWuxiCoLocation: true,
  preferredPartnerNetworks: ['az-ican'],
  unmappedTerms: ['tumour organoids'],
});
const company = aCompany({
  id: 'co-1',
  sectors: ['therapeutics'],
  therapeuticAreas: ['nsclc', 'asthma'],
  modalities: ['antibody'],
  developmentStages: ['phase-1'],
  capabilities: ['biologics-gmp-manufacturing'],
  collaborationTypes: ['licensing'],
  seeking: ['grant-funding'],
  partnerNetworks: ['az-ican-china'],
  chinaPresence: true,
  wuxiCoLocation: 'planned',
  unmappedTerms: ['patient-derived organoids'],
});

describe('a breakdown', () => {
  const result = scorePair(need, company, vocab);

  it('lists every criterion once, in a fixed order', () => {
    expect(result.breakdown.map((entry) => entry.criterion)).toEqual(CRITERIA);
  });

  it('has contributions that add up to the score', () => {
    expect(result.breakdown.reduce((sum, entry) => sum + entry.contribution, 0)).toBeCloseTo(result.score, 9);
  });

  it('has contributions of about weight × score for additive criteria', () => {
    for (const entry of result.breakdown.filter((item) => item.criterion !== 'sector')) {
      expect(entry.contribution).toBeCloseTo(entry.weight * entry.score, 5);
      expect(entry.score).toBeGreaterThanOrEqual(0);
      expect(entry.score).toBeLessThanOrEqual(1);
    }
  });

  it('explains each criterion in one line', () => {
    for (const entry of result.breakdown) {
      expect(entry.explanation).not.toContain('\n');
      expect(entry.explanation.length).toBeGreaterThan(0);
    }
  });

  it('is quantised to millionths', () => {
    expect(
      Number.isInteger(result.score * 1e6) || Math.abs(result.score * 1e6 - Math.round(result.score * 1e6)) < 1e-6,
    ).toBe(true);
  });
});

describe('ALGORITHM_VERSION', () => {
  it('names the engine revision and a hash of weights, credits and vocabulary version', () => {
    expect(ALGORITHM_VERSION).toMatch(/^pm-\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
  });
});
