import { describe, expect, it } from '@jest/globals';
import { topKForNeed } from '../ranking/match-ranking.js';
import { aCompany, aNeed, criterionOf, fixtureVocabulary } from './engine-vocabulary.fixture.js';
import { scorePair } from './pair-scorer.js';

const vocab = fixtureVocabulary();
const need = aNeed({
  therapeuticAreas: ['nsclc'],
  mustHave: ['gmp-manufacturing', 'glp-toxicology'],
  niceToHave: ['imaging'],
});

describe('must-haves are gates', () => {
  it('keeps a company that has every must-have, or something more specific, eligible', () => {
    const result = scorePair(
      need,
      aCompany({ capabilities: ['biologics-gmp-manufacturing', 'glp-toxicology'] }),
      vocab,
    );

    expect(result.eligible).toBe(true);
    expect(result.unmetRequirements).toEqual([]);
  });

  it('makes a company that lacks one ineligible and lists what it lacks', () => {
    const result = scorePair(
      need,
      aCompany({ therapeuticAreas: ['nsclc'], capabilities: ['manufacturing', 'glp-toxicology'] }),
      vocab,
    );

    expect(result.eligible).toBe(false);
    expect(result.unmetRequirements).toEqual(['gmp-manufacturing']);
    expect(criterionOf(result, 'capability').explanation).toBe(
      'Must-haves met Glp Toxicology; UNMET Gmp Manufacturing; nice-to-haves met none; missing Imaging.',
    );
  });

  it('counts must-haves double in the capability score, so ineligible companies still order sensibly', () => {
    const capability = (capabilities: string[]) =>
      criterionOf(scorePair(need, aCompany({ capabilities }), vocab), 'capability').score;

    expect(capability(['glp-toxicology'])).toBe(2 / 5);
    expect(capability(['imaging'])).toBe(1 / 5);
    expect(capability(['gmp-manufacturing', 'glp-toxicology', 'imaging'])).toBe(1);
  });

  it('ranks an ineligible company below every eligible one, however well it fits otherwise', () => {
    const perfectButUngated = aCompany({
      id: 'a-perfect',
      therapeuticAreas: ['nsclc'],
      capabilities: ['gmp-manufacturing', 'imaging'],
    });
    const poorButGated = aCompany({ id: 'z-poor', capabilities: ['gmp-manufacturing', 'glp-toxicology'] });

    const ranked = topKForNeed(need, [perfectButUngated, poorButGated], 2, vocab);

    expect(ranked.map((match) => [match.companyId, match.eligible])).toEqual([
      ['z-poor', true],
      ['a-perfect', false],
    ]);
    expect(ranked[1]!.score).toBeGreaterThan(ranked[0]!.score);
  });

  it('treats a must-have outside the vocabulary as unmet by everyone', () => {
    const result = scorePair(aNeed({ mustHave: ['quantum-assays'] }), aCompany({ capabilities: ['imaging'] }), vocab);

    expect(result.eligible).toBe(false);
    expect(result.unmetRequirements).toEqual(['quantum-assays']);
  });
});
