import { seededRandom } from '../../libs/engine/bench/seeded-random.js';
import { describe, expect, it } from '@jest/globals';
import type { CtgovTrial } from './ctgov-profiles.js';
import {
  HEAVY_TIE,
  foldMetrics,
  isLastTrialOfSponsor,
  leaveOneOutQueries,
  median,
  pessimisticRank,
  randomSystem,
  retrievalMetrics,
  runRetrieval,
  shuffled,
  type RetrievalQuery,
} from './retrieval.js';

const trial = (nct: string, sponsor: string): CtgovTrial => ({
  nct,
  sponsor,
  sponsorType: 'OTHER',
  studyType: 'Interventional',
  phase: '',
  startDate: '2020-01-01',
  conditions: '',
  interventions: '',
  title: nct,
  officialTitle: '',
  description: '',
});

describe('pessimistic ranks', () => {
  it('ranks a clear winner first', () => {
    expect(pessimisticRank([0.2, 0.9, 0.1], 1)).toEqual({ rank: 1, tiedOthers: 0 });
  });

  it('puts the truth behind everyone it ties with', () => {
    expect(pessimisticRank([0.5, 0.5, 0.7, 0.5, 0.1], 0)).toEqual({ rank: 4, tiedOthers: 2 });
  });

  it('gives an all-zero ranking the last place', () => {
    expect(pessimisticRank(new Array<number>(340).fill(0), 17)).toEqual({ rank: 340, tiedOthers: 339 });
  });
});

describe('retrieval metrics', () => {
  it('computes MRR, recall at 1/5/10 and the median rank', () => {
    const metrics = retrievalMetrics([
      { rank: 1, tiedOthers: 0 },
      { rank: 4, tiedOthers: 0 },
      { rank: 10, tiedOthers: 0 },
      { rank: 50, tiedOthers: HEAVY_TIE },
    ]);
    expect(metrics.queries).toBe(4);
    expect(metrics.mrr).toBeCloseTo((1 + 1 / 4 + 1 / 10 + 1 / 50) / 4, 10);
    expect(metrics.recallAt1).toBe(0.25);
    expect(metrics.recallAt5).toBe(0.5);
    expect(metrics.recallAt10).toBe(0.75);
    expect(metrics.medianRank).toBe(7);
    expect(metrics.heavyTieShare).toBe(0.25);
  });

  it('takes the middle value of an odd count as the median', () => {
    expect(median([9, 1, 3])).toBe(3);
  });
});

describe('leave-one-out queries', () => {
  const bySponsor = new Map([
    ['A', [trial('NCT1', 'A'), trial('NCT3', 'A')]],
    ['B', [trial('NCT2', 'B')]],
    ['C', [trial('NCT4', 'C'), trial('NCT5', 'C'), trial('NCT6', 'C')]],
  ]);
  const queries = leaveOneOutQueries(bySponsor);

  it('holds out every trial of every multi-trial sponsor and rebuilds only that sponsor', () => {
    expect(queries.map((query) => query.heldOut.nct)).toEqual(['NCT1', 'NCT3', 'NCT4', 'NCT5', 'NCT6']);
    const query = queries[3]!;
    expect(query.population.map((member) => member.sponsor)).toEqual(['A', 'B', 'C']);
    expect(query.population[query.truthIndex]!.trials.map((t) => t.nct)).toEqual(['NCT4', 'NCT6']);
    expect(query.population[0]!.trials).toHaveLength(2);
  });

  it('marks the lexicographically last trial of each sponsor for the one-per-sponsor variant', () => {
    expect(queries.filter(isLastTrialOfSponsor).map((query) => query.heldOut.nct)).toEqual(['NCT3', 'NCT6']);
  });

  it('records each system’s pessimistic rank of the true sponsor', async () => {
    const outcomes = await runRetrieval(queries, [
      {
        name: 'truth-first',
        scores: (query: RetrievalQuery) => query.population.map((_, i) => (i === query.truthIndex ? 1 : 0)),
      },
      { name: 'flat', scores: (query: RetrievalQuery) => query.population.map(() => 0) },
    ]);
    expect(outcomes.get('truth-first')!.every((outcome) => outcome.rank === 1)).toBe(true);
    expect(outcomes.get('flat')!.every((outcome) => outcome.rank === 3 && outcome.tiedOthers === 2)).toBe(true);
  });
});

describe('seeded randomness', () => {
  it('repeats exactly for a seed and differs between seeds', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(shuffled(items, seededRandom(7))).toEqual(shuffled(items, seededRandom(7)));
    expect(shuffled(items, seededRandom(7))).not.toEqual(shuffled(items, seededRandom(8)));
    expect([...shuffled(items, seededRandom(7))].sort((a, b) => a - b)).toEqual(items);
  });

  it('gives the random system an MRR near H(n)/n over many queries', async () => {
    const population = Array.from({ length: 40 }, (_, i) => ({ sponsor: `S${i}`, trials: [] }));
    const queries = Array.from({ length: 4000 }, (_, i) => ({
      heldOut: trial(`NCT${i}`, 'S0'),
      truthIndex: i % 40,
      population,
    }));
    const outcomes = await runRetrieval(queries, [randomSystem(3)]);
    const harmonic = Array.from({ length: 40 }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b) / 40;
    // The standard error of the mean of 4,000 reciprocal ranks is about 0.003.
    expect(Math.abs(retrievalMetrics(outcomes.get('random')!).mrr - harmonic)).toBeLessThan(0.015);
  });

  it('splits outcomes into folds that together hold every outcome once', () => {
    const outcomes = Array.from({ length: 23 }, (_, i) => ({ rank: i + 1, tiedOthers: 0 }));
    const folds = foldMetrics(outcomes, 5, 1);
    expect(folds.map((fold) => fold.queries)).toEqual([5, 5, 5, 4, 4]);
  });
});
