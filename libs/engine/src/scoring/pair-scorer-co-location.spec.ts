import { describe, expect, it } from '@jest/globals';
import { aCompany, aNeed, criterionOf, fixtureVocabulary } from './engine-vocabulary.fixture.js';
import type { WuxiCoLocation } from './match-profile.types.js';
import { scorePair } from './pair-scorer.js';

const vocab = fixtureVocabulary();
const geography = (need: ReturnType<typeof aNeed>, chinaPresence: boolean, wuxiCoLocation: WuxiCoLocation) =>
  criterionOf(scorePair(need, aCompany({ chinaPresence, wuxiCoLocation }), vocab), 'geography');

describe('geography and co-location', () => {
  it('grades Wuxi co-location plans', () => {
    const need = aNeed({ preferWuxiCoLocation: true });

    expect(geography(need, false, 'resident').score).toBe(1);
    expect(geography(need, false, 'planned').score).toBe(0.75);
    expect(geography(need, false, 'interested').score).toBe(0.25);
    expect(geography(need, true, 'none').score).toBe(0);
  });

  it('counts a park resident as present in China', () => {
    const need = aNeed({ preferChinaPresence: true });

    expect(geography(need, true, 'none').score).toBe(1);
    expect(geography(need, false, 'resident').score).toBe(1);
    expect(geography(need, false, 'planned')).toMatchObject({ score: 0, explanation: 'No presence in China.' });
  });

  it('averages the two preferences when a need has both', () => {
    const need = aNeed({ preferChinaPresence: true, preferWuxiCoLocation: true });

    expect(geography(need, true, 'interested')).toMatchObject({
      score: 5 / 8,
      explanation: 'Present in China; Wuxi co-location interested.',
    });
  });

  it('does not apply without a preference', () => {
    expect(geography(aNeed(), true, 'resident')).toMatchObject({ weight: 0, contribution: 0 });
  });
});
