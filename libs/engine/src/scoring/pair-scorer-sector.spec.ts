import { describe, expect, it } from '@jest/globals';
import { topKForNeed } from '../ranking/match-ranking.js';
import { DEFAULT_WEIGHTS } from './criterion-weights.js';
import { aCompany, aNeed, criterionOf, fixtureVocabulary } from './engine-vocabulary.fixture.js';
import { scorePair } from './pair-scorer.js';

const vocab = fixtureVocabulary();
const words = ['liquid biopsy companion assay', 'EGFR mutation panel', 'circulating tumour DNA'];
const diagnosticsNeed = aNeed({ sectors: ['diagnostics'], therapeuticAreas: ['nsclc'], unmappedTerms: words });
const therapeuticsTwin = aCompany({
  id: 'a-therapeutics',
  sectors: ['therapeutics'],
  therapeuticAreas: ['nsclc'],
  unmappedTerms: words,
});
const diagnosticsCompany = aCompany({ id: 'b-diagnostics', sectors: ['diagnostics'], therapeuticAreas: ['nsclc'] });

describe('sector fit', () => {
  it('puts a diagnostics company first for a diagnostics need, however many words a therapeutics profile shares', () => {
    expect(
      topKForNeed(diagnosticsNeed, [therapeuticsTwin, diagnosticsCompany], 2, vocab).map((m) => m.companyId),
    ).toEqual(['b-diagnostics', 'a-therapeutics']);
  });

  it('scales the score of a company outside the need sectors by 1 - sector weight, shown as a negative contribution', () => {
    const result = scorePair(diagnosticsNeed, therapeuticsTwin, vocab);
    const sector = criterionOf(result, 'sector');
    const additive = result.breakdown
      .filter((entry) => entry.criterion !== 'sector')
      .reduce((sum, entry) => sum + entry.contribution, 0);

    expect(result.score).toBeCloseTo(additive * (1 - DEFAULT_WEIGHTS.sector), 5);
    expect(sector).toMatchObject({ score: 0, weight: DEFAULT_WEIGHTS.sector });
    expect(sector.contribution).toBeCloseTo(-additive * DEFAULT_WEIGHTS.sector, 5);
    expect(sector.explanation).toBe('In Therapeutics, not Diagnostics: the score keeps 15%.');
  });

  it('is satisfied by any one of several company sectors', () => {
    const both = aCompany({ sectors: ['therapeutics', 'diagnostics'], therapeuticAreas: ['nsclc'] });

    expect(criterionOf(scorePair(diagnosticsNeed, both, vocab), 'sector')).toMatchObject({ score: 1, contribution: 0 });
  });

  it('does not apply when the need names no sector', () => {
    const result = scorePair(aNeed({ therapeuticAreas: ['nsclc'] }), therapeuticsTwin, vocab);

    expect(criterionOf(result, 'sector')).toMatchObject({ weight: 0, contribution: 0 });
    expect(result.score).toBe(1);
  });
});
