import { describe, expect, it } from '@jest/globals';
import { topKForNeed } from '../ranking/match-ranking.js';
import { aCompany, aNeed, criterionOf, fixtureVocabulary } from './engine-vocabulary.fixture.js';
import { scorePair } from './pair-scorer.js';

const vocab = fixtureVocabulary();
const need = aNeed({ therapeuticAreas: ['nsclc'], modalities: ['antibody'] });
const everyArea = vocab.entries.therapeuticAreas.vocabulary.terms.map((term) => term.id);

describe('focus', () => {
  it('ranks a focused exact match above a company tagged in every area', () => {
    const focused = aCompany({ id: 'z-focused', therapeuticAreas: ['nsclc'], modalities: ['antibody'] });
    const everywhere = aCompany({ id: 'a-everywhere', therapeuticAreas: everyArea, modalities: ['antibody'] });

    expect(topKForNeed(need, [everywhere, focused], 2, vocab).map((match) => match.companyId)).toEqual([
      'z-focused',
      'a-everywhere',
    ]);
  });

  it('is the share of company areas in the lineage of a need area; siblings do not count', () => {
    const result = scorePair(need, aCompany({ therapeuticAreas: ['oncology', 'egfr-nsclc', 'sclc', 'asthma'] }), vocab);

    expect(criterionOf(result, 'focus')).toMatchObject({
      score: 0.5,
      explanation: "2 of the company's 4 therapeutic areas relate to the need; unrelated Sclc, Asthma.",
    });
  });

  it('never drops when a company adds a related area', () => {
    const before = scorePair(need, aCompany({ therapeuticAreas: ['nsclc', 'asthma'] }), vocab).score;
    const after = scorePair(need, aCompany({ therapeuticAreas: ['nsclc', 'asthma', 'lung-cancer'] }), vocab).score;

    expect(after).toBeGreaterThanOrEqual(before);
  });
});
