import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { aCompany, fixtureVocabulary } from '../scoring/engine-vocabulary.fixture.js';
import type { CompanyProfile, NeedProfile } from '../scoring/match-profile.types.js';
import { scorePair } from '../scoring/pair-scorer.js';
import { companyPopulation, companyProfile, needProfile } from '../scoring/profile-arbitraries.fixture.js';
import { topKForNeed } from './match-ranking.js';

const vocab = fixtureVocabulary();

/** The fields of `T` that hold term ids. */
type TermField<T> = { [K in keyof T]-?: NonNullable<T[K]> extends readonly string[] ? K : never }[keyof T];

/** Ways a company can take up something the need asks for: the company field that takes a term of the need field. */
const MATCHING_ADDITIONS: readonly (readonly [TermField<CompanyProfile>, TermField<NeedProfile>])[] = [
  ['therapeuticAreas', 'therapeuticAreas'],
  ['modalities', 'modalities'],
  ['developmentStages', 'stages'],
  ['sectors', 'sectors'],
  ['capabilities', 'mustHave'],
  ['capabilities', 'niceToHave'],
  ['collaborationTypes', 'collaborationTypes'],
  ['seeking', 'offering'],
  ['partnerNetworks', 'preferredPartnerNetworks'],
  ['unmappedTerms', 'unmappedTerms'],
];

/** `company` with one of the terms `need` names in `needField` (the `pick`th, wrapping) added to `companyField`. */
function withMatchingTerm(
  need: NeedProfile,
  company: CompanyProfile,
  [companyField, needField]: (typeof MATCHING_ADDITIONS)[number],
  pick: number,
): CompanyProfile {
  return { ...company, [companyField]: [...(company[companyField] ?? []), ...at(need[needField] ?? [], pick)] };
}

function at(ids: readonly string[], pick: number): string[] {
  const id = ids[pick % Math.max(1, ids.length)];
  return id === undefined ? [] : [id];
}

describe('ranking invariants', () => {
  it('keeps every score in [0, 1]', () => {
    fc.assert(
      fc.property(needProfile(), companyProfile(), (need, company) => {
        const { score } = scorePair(need, company, vocab);
        return Number.isFinite(score) && score >= 0 && score <= 1;
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers a score or takes away eligibility when a company adds a matching term', () => {
    fc.assert(
      fc.property(
        needProfile(),
        companyProfile(),
        fc.nat(MATCHING_ADDITIONS.length - 1),
        fc.nat(),
        (need, company, addition, pick) => {
          const before = scorePair(need, company, vocab);
          const after = scorePair(need, withMatchingTerm(need, company, MATCHING_ADDITIONS[addition]!, pick), vocab);
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          expect(after.eligible || !before.eligible).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  // Lexical relevance weighs words by how rare they are in the population, so a newcomer may move others through
  // document frequencies; every other criterion judges a pair on its own.
  it('changes no other pair when an unrelated company joins, lexical relevance aside', () => {
    fc.assert(
      fc.property(
        needProfile().map((need) => ({ ...need, weights: { ...need.weights, textRelevance: 0 } })),
        companyPopulation(12),
        companyProfile(fc.constant('newcomer')),
        (need, companies, newcomer) => {
          const others = companies.filter((company) => company.id !== 'newcomer');
          const without = topKForNeed(need, others, others.length, vocab);
          const withNewcomer = topKForNeed(need, [...others, newcomer], others.length + 1, vocab).filter(
            (match) => match.companyId !== 'newcomer',
          );
          const strip = (matches: typeof without) =>
            matches.map(({ companyId, score, eligible }) => ({ companyId, score, eligible }));
          expect(strip(withNewcomer)).toEqual(strip(without));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives identical output for identical input', () => {
    fc.assert(
      fc.property(needProfile(), companyPopulation(10), (need, companies) => {
        const first = topKForNeed(need, companies, 5, vocab);
        const again = topKForNeed(structuredClone(need), structuredClone(companies), 5, vocab);
        expect(again).toEqual(first);
        expect(companies.map((company) => scorePair(need, company, vocab))).toEqual(
          companies.map((company) => scorePair(structuredClone(need), structuredClone(company), vocab)),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('scores an empty company 0 against any need except through geography', () => {
    fc.assert(
      fc.property(needProfile(), (need) => {
        const result = scorePair(
          { ...need, preferChinaPresence: false, preferWuxiCoLocation: false },
          aCompany(),
          vocab,
        );
        expect(result.score).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
