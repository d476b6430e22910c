import { describe, expect, it } from '@jest/globals';
import { aCompany, aNeed, criterionOf, fixtureVocabulary } from './engine-vocabulary.fixture.js';
import { scorePair } from './pair-scorer.js';

const vocab = fixtureVocabulary();
const need = aNeed({ offering: ['grant-funding', 'mentoring'] });
const reciprocity = (seeking: string[]) => criterionOf(scorePair(need, aCompany({ seeking }), vocab), 'reciprocity');

describe('reciprocity: what the need offers against what the company seeks', () => {
  it('is full when the company gets everything it could get', () => {
    expect(reciprocity(['mentoring']).score).toBe(1);
    expect(reciprocity(['grant-funding', 'mentoring', 'lab-space']).score).toBe(1);
  });

  it('matches a broader wish with a specific offer', () => {
    expect(reciprocity(['funding'])).toMatchObject({
      score: 1,
      explanation: 'The need offers what the company seeks: Funding.',
    });
  });

  it('is judged against the most that could match', () => {
    expect(reciprocity(['mentoring', 'lab-space', 'data-access']).score).toBe(0.5);
    expect(reciprocity(['equity-funding', 'lab-space'])).toMatchObject({
      score: 0,
      explanation: 'The need offers what the company seeks: none; not offered Equity Funding, Lab Space.',
    });
  });

  it('earns nothing from a company that seeks nothing', () => {
    expect(reciprocity([])).toMatchObject({ score: 0, contribution: 0 });
  });

  it('does not apply when the need offers nothing', () => {
    expect(criterionOf(scorePair(aNeed(), aCompany({ seeking: ['funding'] }), vocab), 'reciprocity').weight).toBe(0);
  });
});
