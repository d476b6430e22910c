import { describe, expect, it } from '@jest/globals';
import { aCompany, aNeed, criterionOf, fixtureVocabulary } from './engine-vocabulary.fixture.js';
import { scorePair } from './pair-scorer.js';

const vocab = fixtureVocabulary();
const network = (preferred: string[], member: string[]) =>
  criterionOf(
    scorePair(aNeed({ preferredPartnerNetworks: preferred }), aCompany({ partnerNetworks: member }), vocab),
    'partnerNetwork',
  );

describe('partner-network preference', () => {
  it('is met by membership of a preferred network or of one inside it', () => {
    expect(network(['az-ican'], ['az-ican']).score).toBe(1);
    expect(network(['az-ican'], ['az-ican-china'])).toMatchObject({
      score: 1,
      explanation: 'Member of Az Ican China.',
    });
    expect(network(['az-bioventurehub', 'az-ican'], ['az-ican']).score).toBe(1);
  });

  it('is not met by another network or by the wider network around a preferred one', () => {
    expect(network(['az-ican'], ['az-bioventurehub'])).toMatchObject({
      score: 0,
      explanation: 'Member of none of Az Ican.',
    });
    expect(network(['az-ican-china'], ['az-ican']).score).toBe(0);
    expect(network(['az-ican'], []).score).toBe(0);
  });
});
