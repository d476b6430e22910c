import { describe, expect, it } from '@jest/globals';
import { aCompany, aNeed, criterionOf, fixtureVocabulary } from './engine-vocabulary.fixture.js';
import { scorePair } from './pair-scorer.js';

const vocab = fixtureVocabulary();
const need = aNeed({ therapeuticAreas: ['nsclc'] });
const areaScore = (areas: string[]): number =>
  criterionOf(scorePair(need, aCompany({ therapeuticAreas: areas }), vocab), 'therapeuticArea').score;

describe('therapeutic-area fit follows the hierarchy', () => {
  it('gives full credit to the same term and to a more specific one', () => {
    expect(areaScore(['nsclc'])).toBe(1);
    expect(areaScore(['egfr-nsclc'])).toBe(1);
  });

  it('gives partial credit to a broader term, less the broader it is', () => {
    expect(areaScore(['lung-cancer'])).toBe(0.5);
    expect(areaScore(['solid-tumours'])).toBe(0.25);
    expect(areaScore(['oncology'])).toBe(0.25);
  });

  it('gives a sibling next to nothing and an unrelated area nothing', () => {
    expect(areaScore(['sclc'])).toBe(0.1);
    expect(areaScore(['breast-cancer'])).toBe(0);
    expect(areaScore(['asthma'])).toBe(0);
  });

  it('orders exact over broader over sibling over unrelated', () => {
    const scores = [['nsclc'], ['lung-cancer'], ['oncology'], ['sclc'], ['asthma']].map(
      (areas) => scorePair(need, aCompany({ therapeuticAreas: areas }), vocab).score,
    );
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(scores.length);
  });

  it('averages over the need terms and names matched, partial and missing terms', () => {
    const twoAreas = aNeed({ therapeuticAreas: ['nsclc', 'heart-failure', 'asthma'] });
    const result = scorePair(twoAreas, aCompany({ therapeuticAreas: ['egfr-nsclc', 'cardiovascular'] }), vocab);
    const areas = criterionOf(result, 'therapeuticArea');

    expect(areas.score).toBeCloseTo((1 + 0.5 + 0) / 3, 12);
    expect(areas.explanation).toBe(
      "Works on Egfr Nsclc, a subtype of the need's Nsclc; Cardiovascular, broader than the need's Heart Failure; nothing on Asthma.",
    );
  });

  it('applies the same rules to modalities', () => {
    const modalityNeed = aNeed({ modalities: ['adc'] });
    const modality = (modalities: string[]): number =>
      criterionOf(scorePair(modalityNeed, aCompany({ modalities }), vocab), 'modality').score;

    expect(modality(['adc'])).toBe(1);
    expect(modality(['antibody'])).toBe(0.5);
    expect(modality(['biologics'])).toBe(0.25);
    expect(modality(['small-molecule'])).toBe(0);
  });
});
