import { seededRandom } from '../../libs/engine/bench/seeded-random.js';
import {
  DEFAULT_WEIGHTS,
  defaultEngineVocabulary,
  planNeed,
  scorePlannedPair,
  type AdditiveCriterion,
  type CompanyProfile,
} from '#engine';
import { cachedConditionResolver } from './condition-resolution.js';
import { loadTrials, projectRoot, trialsBySponsor } from './ctgov-profiles.js';
import { documentsOf, trialProfileBuilders } from './ranking-systems.js';
import {
  leaveOneOutQueries,
  memberProfiles,
  pessimisticRank,
  retrievalMetrics,
  shuffled,
  type RankOutcome,
  type RetrievalMetrics,
  type RetrievalQuery,
} from './retrieval.js';

/*
 * npm run eval:calibrate [-- --folds 5 --seed 9]
 *
 * Chooses the weights of the criteria the real sample exercises (therapeutic area, focus, target, stage, lexical
 * relevance) by cross-validation. A match score is Σ weight × criterion score over a per-need constant, so a need's
 * ranking under any weights follows from the criterion scores alone: they are computed once per (query, company)
 * and every candidate is ranked from them. Folds split by sponsor, so no sponsor is in the fold it is tuned on.
 * Reported: each fold's held-out figures with weights chosen on the other folds, then the weights chosen on all.
 * The last line is one JSON object.
 */
const CALIBRATED = ['therapeuticArea', 'focus', 'target', 'developmentStage', 'textRelevance'] as const;
type Calibrated = (typeof CALIBRATED)[number];
const GRID = [0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5];
const TEXT_SCALES = [0.13, 0.25, 0.5, 1, 2, 4, 8];

interface ScoredQuery {
  readonly sponsor: string;
  readonly truthIndex: number;
  /** Per company, the criterion scores in CALIBRATED order. */
  readonly scores: Float64Array;
  readonly companies: number;
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number`);
  return value;
}

function criterionScores(
  query: RetrievalQuery,
  company: (member: RetrievalQuery['population'][number]) => CompanyProfile,
  need: ReturnType<ReturnType<typeof trialProfileBuilders>['need']>,
): ScoredQuery {
  const companies = query.population.map(company);
  const { documents, corpus } = documentsOf(companies);
  const plan = planNeed(need, undefined, corpus);
  const scores = new Float64Array(companies.length * CALIBRATED.length);
  companies.forEach((profile, index) => {
    const { breakdown } = scorePlannedPair(plan, profile, defaultEngineVocabulary(), documents[index]);
    CALIBRATED.forEach((criterion, c) => {
      const entry = breakdown.find((item) => item.criterion === criterion);
      scores[index * CALIBRATED.length + c] = entry !== undefined && entry.weight > 0 ? entry.score : 0;
    });
  });
  return {
    sponsor: query.population[query.truthIndex]?.sponsor ?? '',
    truthIndex: query.truthIndex,
    scores,
    companies: companies.length,
  };
}

function outcome(query: ScoredQuery, weights: readonly number[]): RankOutcome {
  const totals = new Array<number>(query.companies);
  for (let company = 0; company < query.companies; company++) {
    let total = 0;
    for (let c = 0; c < CALIBRATED.length; c++) total += weights[c]! * query.scores[company * CALIBRATED.length + c]!;
    totals[company] = Math.round(total * 1e9);
  }
  return pessimisticRank(totals, query.truthIndex);
}

function evaluate(queries: readonly ScoredQuery[], weights: readonly number[]): RetrievalMetrics {
  return retrievalMetrics(queries.map((query) => outcome(query, weights)));
}

/** Lexical relevance fixed at 1 (only ratios matter); the others on the grid. Objective: MRR, then recall@10. */
function candidates(): number[][] {
  const result: number[][] = [];
  for (const area of GRID)
    for (const focus of GRID)
      for (const target of GRID)
        for (const stage of GRID) {
          result.push([area, focus, target, stage, 1]);
        }
  return result;
}

function best(queries: readonly ScoredQuery[]): { weights: number[]; metrics: RetrievalMetrics } {
  let chosen = { weights: [0, 0, 0, 0, 1], metrics: evaluate(queries, [0, 0, 0, 0, 1]) };
  for (const weights of candidates()) {
    const metrics = evaluate(queries, weights);
    const better =
      metrics.mrr > chosen.metrics.mrr + 1e-12 ||
      (Math.abs(metrics.mrr - chosen.metrics.mrr) <= 1e-12 && metrics.recallAt10 > chosen.metrics.recallAt10);
    if (better) chosen = { weights, metrics };
  }
  return chosen;
}

const named = (weights: readonly number[]): Record<Calibrated, number> =>
  Object.fromEntries(CALIBRATED.map((criterion, c) => [criterion, weights[c] ?? 0])) as Record<Calibrated, number>;

const round = (value: number): number => Math.round(value * 10_000) / 10_000;

async function main(): Promise<void> {
  const folds = option('folds', 5);
  const seed = option('seed', 9);
  const trials = loadTrials(projectRoot());
  const bySponsor = trialsBySponsor(trials);
  const builders = trialProfileBuilders(cachedConditionResolver());
  const companyOf = memberProfiles(builders);
  const queries = leaveOneOutQueries(bySponsor).map((query) =>
    criterionScores(query, companyOf, builders.need(query.heldOut)),
  );

  const sponsors = shuffled([...new Set(queries.map((query) => query.sponsor))].sort(), seededRandom(seed));
  const foldOf = new Map(sponsors.map((sponsor, index) => [sponsor, index % folds]));
  const defaults = CALIBRATED.map((criterion) => DEFAULT_WEIGHTS[criterion as AdditiveCriterion]);
  const heldOut = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = queries.filter((query) => foldOf.get(query.sponsor) !== fold);
    const test = queries.filter((query) => foldOf.get(query.sponsor) === fold);
    const chosen = best(train);
    heldOut.push({
      fold,
      queries: test.length,
      weights: named(chosen.weights),
      trainMrr: round(chosen.metrics.mrr),
      heldOutMrr: round(evaluate(test, chosen.weights).mrr),
      heldOutRecallAt10: round(evaluate(test, chosen.weights).recallAt10),
      defaultsHeldOutMrr: round(evaluate(test, defaults).mrr),
    });
  }
  const all = best(queries);
  const pooled = retrievalMetrics(
    heldOut.flatMap((result) =>
      queries
        .filter((query) => foldOf.get(query.sponsor) === result.fold)
        .map((query) =>
          outcome(
            query,
            CALIBRATED.map((criterion) => result.weights[criterion]),
          ),
        ),
    ),
  );
  const defaultsMetrics = evaluate(queries, defaults);
  for (const result of heldOut) {
    console.log(
      `fold ${result.fold}: ${result.queries} held-out queries, MRR ${result.heldOutMrr} (defaults ${result.defaultsHeldOutMrr}), ` +
        `R@10 ${result.heldOutRecallAt10}, weights ${JSON.stringify(result.weights)}`,
    );
  }
  console.log(
    `held-out folds pooled: MRR ${round(pooled.mrr)}, R@10 ${round(pooled.recallAt10)}; ` +
      `current defaults: MRR ${round(defaultsMetrics.mrr)}, R@10 ${round(defaultsMetrics.recallAt10)}`,
  );
  // How much lexical relevance is worth beside the structured criteria at their current ratios.
  const textCurve = TEXT_SCALES.map((text) => {
    const weights = [...defaults.slice(0, -1), text];
    const metrics = evaluate(queries, weights);
    return { textRelevance: text, mrr: round(metrics.mrr), recallAt10: round(metrics.recallAt10) };
  });
  for (const point of textCurve) {
    console.log(
      `  structured criteria at their defaults, textRelevance ${point.textRelevance}: MRR ${point.mrr}, R@10 ${point.recallAt10}`,
    );
  }
  console.log(`chosen on all queries: ${JSON.stringify(named(all.weights))} (MRR ${round(all.metrics.mrr)})`);
  console.log(
    JSON.stringify({
      folds: heldOut,
      pooledHeldOut: { mrr: round(pooled.mrr), recallAt10: round(pooled.recallAt10) },
      defaults: {
        weights: named(defaults),
        mrr: round(defaultsMetrics.mrr),
        recallAt10: round(defaultsMetrics.recallAt10),
      },
      chosen: { weights: named(all.weights), mrr: round(all.metrics.mrr), recallAt10: round(all.metrics.recallAt10) },
      textCurve,
    }),
  );
}

await main();
