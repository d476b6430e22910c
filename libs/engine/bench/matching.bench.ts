import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { compileCompanies } from '../src/kernel/company-compiler.js';
import { compileNeeds } from '../src/kernel/need-compiler.js';
import { topKPerNeed } from '../src/kernel/top-k-per-need.js';
import { topKForNeed, type RankedMatch } from '../src/ranking/match-ranking.js';
import { ALGORITHM_VERSION } from '../src/scoring/algorithm-version.js';
import { defaultEngineVocabulary } from '../src/scoring/engine-vocabulary.js';
import { populationDocuments } from '../src/scoring/lexical-relevance.js';
import { syntheticPopulation } from './synthetic-population.js';

/*
 * npm run bench:matching -- --companies 100000 --needs 1000 [--k 50] [--runs 5] [--reference-needs 2] [--workers 2]
 *
 * Times a full rematch on the fast path (compiled profiles, worker threads) and the reference scorer on a sample of
 * needs against every company, checks that the sampled needs get identical top k from both, and prints medians.
 * The last line is one JSON object for scripts.
 */
const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '100000' },
    needs: { type: 'string', default: '1000' },
    k: { type: 'string', default: '50' },
    runs: { type: 'string', default: '5' },
    'reference-needs': { type: 'string', default: '2' },
    workers: { type: 'string', default: String(availableParallelism()) },
    seed: { type: 'string', default: '20240611' },
  },
});
const companyCount = Number(values.companies);
const needCount = Number(values.needs);
const k = Number(values.k);
const runs = Math.max(1, Number(values.runs));
const referenceNeeds = Math.max(1, Math.min(needCount, Number(values['reference-needs'])));
const workers = Number(values.workers);

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

function sameMatches(a: readonly RankedMatch[] | undefined, b: readonly RankedMatch[]): boolean {
  return (
    a !== undefined &&
    a.length === b.length &&
    a.every(
      (match, index) =>
        match.companyId === b[index]?.companyId &&
        match.rank === b[index]?.rank &&
        match.score === b[index]?.score &&
        match.eligible === b[index]?.eligible,
    )
  );
}

const vocab = defaultEngineVocabulary();
let started = process.hrtime.bigint();
const population = syntheticPopulation(vocab, { companies: companyCount, needs: needCount, seed: Number(values.seed) });
console.log(`population: ${companyCount} companies, ${needCount} needs in ${seconds(started).toFixed(2)} s`);

started = process.hrtime.bigint();
const packedCompanies = compileCompanies(population.companies, vocab);
const compileCompaniesSeconds = seconds(started);
started = process.hrtime.bigint();
const packedNeeds = compileNeeds(population.needs, vocab, packedCompanies.corpus);
const compileNeedsSeconds = seconds(started);
const splitNeeds = packedNeeds.needs.filter((need) => need.split).length;
console.log(
  `compile: companies ${compileCompaniesSeconds.toFixed(2)} s, needs ${compileNeedsSeconds.toFixed(2)} s ` +
    `(${splitNeeds}/${needCount} needs in the split layout), algorithm ${ALGORITHM_VERSION}`,
);

const pairs = companyCount * needCount;
const fastSeconds: number[] = [];
let first: Map<string, RankedMatch[]> | undefined;
let repeatable = true;
// Every fast run before any reference run: the reference allocates heavily, and the collector cleaning up after it
// would compete with the workers for the two cores.
for (let run = 0; run < runs; run++) {
  let fullyScored = 0;
  started = process.hrtime.bigint();
  const fast = await topKPerNeed(packedCompanies, packedNeeds, k, {
    workers,
    onStats: (stats) => {
      fullyScored = stats.fullyScored;
    },
  });
  const elapsed = seconds(started);
  fastSeconds.push(elapsed);
  first ??= fast;
  repeatable &&= population.needs.every((need) => sameMatches(fast.get(need.id), first?.get(need.id) ?? []));
  console.log(
    `fast run ${run + 1}: ${elapsed.toFixed(3)} s = ${(pairs / elapsed / 1e6).toFixed(1)} M pairs/s ` +
      `(${((100 * fullyScored) / pairs).toFixed(1)}% of pairs read in full, the rest ruled out by bounds)`,
  );
}

// The reference tokenises the population once, as a caller ranking many needs would; only scoring is timed.
const documents = populationDocuments(population.companies, vocab);
const referenceRates: number[] = [];
let topKIdentical = repeatable;
for (let run = 0; run < runs; run++) {
  // A different need each run, spread over the population.
  const sample = Array.from(
    { length: referenceNeeds },
    (_, index) => population.needs[((run * referenceNeeds + index) * 7919) % needCount],
  );
  started = process.hrtime.bigint();
  const reference = sample.map((need) =>
    need === undefined ? [] : topKForNeed(need, population.companies, k, vocab, documents),
  );
  const rate = (referenceNeeds * companyCount) / seconds(started);
  referenceRates.push(rate);
  const identical = sample.every(
    (need, index) => need !== undefined && sameMatches(first?.get(need.id), reference[index] ?? []),
  );
  topKIdentical &&= identical;
  console.log(
    `reference run ${run + 1}: ${(rate / 1e3).toFixed(1)} k pairs/s, top-k identical to the fast path: ${identical}`,
  );
}
console.log(`fast path repeatable across runs: ${repeatable}`);

const fastMedian = median(fastSeconds);
const pairsPerSecond = pairs / fastMedian;
const referencePairsPerSecond = median(referenceRates);
console.log(
  JSON.stringify({
    companies: companyCount,
    needs: needCount,
    pairs,
    seconds: Number(fastMedian.toFixed(4)),
    pairsPerSecond: Math.round(pairsPerSecond),
    referencePairsPerSecond: Math.round(referencePairsPerSecond),
    speedup: Number((pairsPerSecond / referencePairsPerSecond).toFixed(1)),
    topKIdentical,
  }),
);
