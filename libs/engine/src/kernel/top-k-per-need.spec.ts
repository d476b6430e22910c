import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { syntheticPopulation } from '../../bench/synthetic-population.js';
import { topKForNeed } from '../ranking/match-ranking.js';
import { createEngineVocabulary } from '../scoring/engine-vocabulary.js';
import { FIXTURE_VOCABULARIES, aCompany, aNeed, fixtureVocabulary } from '../scoring/engine-vocabulary.fixture.js';
import type { CompanyProfile, NeedProfile } from '../scoring/match-profile.types.js';
import { companyProfile, needProfile } from '../scoring/profile-arbitraries.fixture.js';
import { compileCompanies } from './company-compiler.js';
import { compileNeeds } from './need-compiler.js';
import type { KernelTuning } from './top-k-kernel.js';
import { topKPerNeed } from './top-k-per-need.js';

const vocab = fixtureVocabulary();

/**
 * Small populations with the kernel's work split as in large ones: few companies ranked first, and every word held
 * by more than a tenth of them looked up per company instead of through its postings.
 */
const LARGE_POPULATION_PATHS: KernelTuning = { leaders: 4, deferredWordShare: 1 / 10, minDeferredPostings: 1 };

async function expectSameAsReference(
  needs: readonly NeedProfile[],
  companies: readonly CompanyProfile[],
  k: number,
  tuning?: KernelTuning,
): Promise<void> {
  const packed = compileCompanies(companies, vocab);
  const fast = await topKPerNeed(packed, compileNeeds(needs, vocab, packed.corpus), k, { workers: 0, tuning });
  for (const need of needs) {
    expect({ need: need.id, matches: fast.get(need.id) }).toEqual({
      need: need.id,
      matches: topKForNeed(need, companies, k, vocab),
    });
  }
}

describe('topKPerNeed, the fast path', () => {
  it.each([1, 2, 3])('matches the reference scorer on a synthetic population (seed %i)', async (seed) => {
    const { companies, needs } = syntheticPopulation(vocab, { companies: 600, needs: 30, seed });

    await expectSameAsReference(needs, companies, 25);
  });

  it.each([1, 2, 3])(
    'matches the reference scorer when few companies go first and widespread words are deferred (seed %i)',
    async (seed) => {
      const { companies, needs } = syntheticPopulation(vocab, { companies: 600, needs: 30, seed });

      await expectSameAsReference(needs, companies, 25, LARGE_POPULATION_PATHS);
    },
  );

  it.each([1, 3])(
    'matches the reference scorer when a short top k (k = %i) lets whole groups of companies go unvisited',
    async (k) => {
      const { companies, needs } = syntheticPopulation(vocab, { companies: 800, needs: 30, seed: 4 });

      await expectSameAsReference(needs, companies, k);
      await expectSameAsReference(needs, companies, k, LARGE_POPULATION_PATHS);
    },
  );

  it('matches the reference scorer on arbitrary populations, in both table layouts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(needProfile(), { minLength: 1, maxLength: 6, selector: (need) => need.id }),
        fc.array(companyProfile(), { maxLength: 40 }),
        fc.integer({ min: 1, max: 45 }),
        fc.boolean(),
        (needs, companies, k, largePaths) =>
          expectSameAsReference(needs, companies, k, largePaths ? LARGE_POPULATION_PATHS : undefined),
      ),
      { numRuns: 150 },
    );
  });

  it('compiles small needs into the split layout and large ones into the wide layout', () => {
    const everyArea = FIXTURE_VOCABULARIES.therapeuticAreas.terms.map((term) => term.id);
    const { needs } = compileNeeds(
      [aNeed({ id: 'small', therapeuticAreas: ['nsclc'] }), aNeed({ id: 'large', therapeuticAreas: everyArea })],
      vocab,
    );

    expect(needs.map((need) => [need.id, need.split])).toEqual([
      ['small', true],
      ['large', false],
    ]);
  });

  it('keeps equal ids in input order, as the reference does', async () => {
    const twins = [
      aCompany({ id: 'same', therapeuticAreas: ['nsclc'] }),
      aCompany({ id: 'same', therapeuticAreas: ['nsclc'] }),
      aCompany({ id: 'other' }),
    ];

    await expectSameAsReference([aNeed({ therapeuticAreas: ['nsclc'] })], twins, 3);
  });

  it('lists ineligible companies only below every eligible one', async () => {
    const need = aNeed({ therapeuticAreas: ['nsclc'], mustHave: ['imaging'] });
    const companies = [
      aCompany({ id: 'fits-but-ungated', therapeuticAreas: ['nsclc'] }),
      aCompany({ id: 'gated', capabilities: ['imaging'] }),
    ];

    const packed = compileCompanies(companies, vocab);
    const ranked = (await topKPerNeed(packed, compileNeeds([need], vocab, packed.corpus), 2, { workers: 0 })).get(
      'need',
    );

    expect(ranked?.map((match) => [match.companyId, match.eligible])).toEqual([
      ['gated', true],
      ['fits-but-ungated', false],
    ]);
  });

  it('returns empty lists for k = 0 or no companies', async () => {
    const one = compileCompanies([aCompany()], vocab);
    const none = compileCompanies([], vocab);

    expect(await topKPerNeed(one, compileNeeds([aNeed()], vocab, one.corpus), 0, { workers: 0 })).toEqual(
      new Map([['need', []]]),
    );
    expect(await topKPerNeed(none, compileNeeds([aNeed()], vocab, none.corpus), 5, { workers: 0 })).toEqual(
      new Map([['need', []]]),
    );
  });

  it('refuses needs that share an id, since results are keyed by need id', async () => {
    const none = compileCompanies([], vocab);

    await expect(
      topKPerNeed(none, compileNeeds([aNeed(), aNeed()], vocab, none.corpus), 1, { workers: 0 }),
    ).rejects.toThrow('Need ids must be unique');
  });

  it('refuses companies and needs compiled against different vocabularies', async () => {
    const other = createEngineVocabulary(FIXTURE_VOCABULARIES, 'fixture-2');

    const packed = compileCompanies([aCompany()], other);

    await expect(topKPerNeed(packed, compileNeeds([aNeed()], vocab, packed.corpus), 1, { workers: 0 })).rejects.toThrow(
      'different vocabularies',
    );
  });

  it("refuses needs planned against another population's corpus", async () => {
    const packed = compileCompanies([aCompany()], vocab);

    await expect(topKPerNeed(packed, compileNeeds([aNeed()], vocab), 1, { workers: 0 })).rejects.toThrow(
      "companies' corpus",
    );
  });
});
