import { describe, expect, it } from '@jest/globals';
import { aCompany, aNeed, criterionOf, fixtureVocabulary } from './engine-vocabulary.fixture.js';
import { scorePair } from './pair-scorer.js';
import { textTokens } from './text-tokens.js';

const vocab = fixtureVocabulary();
const text = (needTerms: string[], companyTerms: string[]) =>
  criterionOf(
    scorePair(aNeed({ unmappedTerms: needTerms }), aCompany({ unmappedTerms: companyTerms }), vocab),
    'textRelevance',
  );

describe('text relevance of unmapped terms', () => {
  it('tokenises case- and punctuation-insensitively, without stopwords', () => {
    expect(textTokens(['Organoid-based Screening of the Liver', 'ORGANOID'])).toEqual([
      'based',
      'liver',
      'organoid',
      'screening',
    ]);
  });

  it('splits Chinese into character bigrams', () => {
    expect(textTokens(['类器官筛选'])).toEqual(['器官', '官筛', '类器', '筛选'].sort());
  });

  it('is the share of the need words the company also uses', () => {
    expect(text(['organoid screening platform'], ['Organoid-based screening'])).toMatchObject({
      score: 2 / 3,
      explanation: 'Shares 2 of 3 free-text words: organoid, screening.',
    });
    expect(text(['类器官筛选'], ['类器官']).score).toBe(0.5);
    expect(text(['organoid screening'], []).score).toBe(0);
  });

  it('carries a small default weight', () => {
    const need = aNeed({ therapeuticAreas: ['nsclc'], unmappedTerms: ['organoid screening'] });
    const wordsOnly = scorePair(need, aCompany({ unmappedTerms: ['organoid screening'] }), vocab);
    const areaOnly = scorePair(need, aCompany({ therapeuticAreas: ['nsclc'] }), vocab);

    expect(wordsOnly.score).toBeLessThan(0.15);
    expect(areaOnly.score).toBeGreaterThan(wordsOnly.score);
  });

  it('does not apply when the need has no free text', () => {
    expect(text([], ['organoid']).weight).toBe(0);
  });
});
