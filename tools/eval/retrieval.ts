import type { CompanyProfile, NeedProfile } from '#engine';
import { seededRandom } from '../../libs/engine/bench/seeded-random.js';
import { compareText, type CtgovTrial } from './ctgov-profiles.js';

/** A population member: a sponsor with the trials its profile is built from. */
export interface SponsorTrials {
  readonly sponsor: string;
  readonly trials: readonly CtgovTrial[];
}

/** One retrieval question: which member of `population` ran `heldOut`? The answer is `population[truthIndex]`. */
export interface RetrievalQuery {
  readonly heldOut: CtgovTrial;
  readonly truthIndex: number;
  readonly population: readonly SponsorTrials[];
}

/** A ranking to evaluate: one score per population member, in population order, higher is better. */
export interface RankingSystem {
  readonly name: string;
  scores(query: RetrievalQuery): readonly number[] | Promise<readonly number[]>;
}

/**
 * Leave-one-out over every trial of every sponsor with two or more: the trial is held out and only its sponsor's
 * member is rebuilt from the other trials; everyone else keeps all their trials. Sponsors and trials come in a fixed
 * order, so the queries do too.
 */
export function leaveOneOutQueries(bySponsor: ReadonlyMap<string, readonly CtgovTrial[]>): RetrievalQuery[] {
  const base: SponsorTrials[] = [...bySponsor].map(([sponsor, trials]) => ({ sponsor, trials }));
  const queries: RetrievalQuery[] = [];
  base.forEach((member, truthIndex) => {
    if (member.trials.length < 2) return;
    for (const heldOut of member.trials) {
      const population = [...base];
      population[truthIndex] = { sponsor: member.sponsor, trials: member.trials.filter((trial) => trial !== heldOut) };
      queries.push({ heldOut, truthIndex, population });
    }
  });
  return queries;
}

/** The one-held-out-trial-per-sponsor variant of issue 9: each multi-trial sponsor's lexicographically last NCT id. */
export function isLastTrialOfSponsor(query: RetrievalQuery): boolean {
  const truth = query.population[query.truthIndex];
  if (truth === undefined) return false;
  return truth.trials.every((trial) => compareText(trial.nct, query.heldOut.nct) < 0);
}

export interface RankOutcome {
  /** 1-based, ties counted against the truth: 1 + others scoring higher + others scoring the same. */
  readonly rank: number;
  /** Other members with exactly the truth's score. */
  readonly tiedOthers: number;
}

export function pessimisticRank(scores: readonly number[], truthIndex: number): RankOutcome {
  const truth = scores[truthIndex];
  if (truth === undefined) throw new Error(`No score for the truth at ${truthIndex}.`);
  let higher = 0;
  let tied = 0;
  scores.forEach((score, index) => {
    if (index === truthIndex) return;
    if (score > truth) higher++;
    else if (score === truth) tied++;
  });
  return { rank: 1 + higher + tied, tiedOthers: tied };
}

export interface QueryOutcome extends RankOutcome {
  readonly nct: string;
  readonly sponsor: string;
}

/** A share of queries in which at least this many others tie with the truth says the ranking cannot tell them apart. */
export const HEAVY_TIE = 20;

export interface RetrievalMetrics {
  readonly queries: number;
  readonly mrr: number;
  readonly recallAt1: number;
  readonly recallAt5: number;
  readonly recallAt10: number;
  readonly medianRank: number;
  /** Share of queries where ≥ HEAVY_TIE others tie with the truth. */
  readonly heavyTieShare: number;
}

export function retrievalMetrics(outcomes: readonly RankOutcome[]): RetrievalMetrics {
  const count = outcomes.length;
  const share = (predicate: (outcome: RankOutcome) => boolean): number =>
    count === 0 ? 0 : outcomes.filter(predicate).length / count;
  return {
    queries: count,
    mrr: count === 0 ? 0 : outcomes.reduce((sum, outcome) => sum + 1 / outcome.rank, 0) / count,
    recallAt1: share((outcome) => outcome.rank <= 1),
    recallAt5: share((outcome) => outcome.rank <= 5),
    recallAt10: share((outcome) => outcome.rank <= 10),
    medianRank: median(outcomes.map((outcome) => outcome.rank)),
    heavyTieShare: share((outcome) => outcome.tiedOthers >= HEAVY_TIE),
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs every system on every query, in order; systems may keep per-run state (caches, agreement checks). */
export async function runRetrieval(
  queries: readonly RetrievalQuery[],
  systems: readonly RankingSystem[],
): Promise<Map<string, QueryOutcome[]>> {
  const outcomes = new Map<string, QueryOutcome[]>(systems.map((system) => [system.name, []]));
  for (const query of queries) {
    const truth = query.population[query.truthIndex];
    for (const system of systems) {
      const scores = await system.scores(query);
      if (scores.length !== query.population.length) {
        throw new Error(`${system.name} scored ${scores.length} of ${query.population.length} members.`);
      }
      outcomes.get(system.name)!.push({
        nct: query.heldOut.nct,
        sponsor: truth?.sponsor ?? '',
        ...pessimisticRank(scores, query.truthIndex),
      });
    }
  }
  return outcomes;
}

/** Fisher–Yates with the given generator. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** A random permutation as scores: no ties, expected MRR = H(n)/n. */
export function randomSystem(seed: number): RankingSystem {
  const random = seededRandom(seed);
  return {
    name: 'random',
    scores: (query) =>
      shuffled(
        query.population.map((_, index) => index),
        random,
      ),
  };
}

/** Splits outcomes into `folds` seeded-random folds of near-equal size and summarises each. */
export function foldMetrics<T extends RankOutcome>(
  outcomes: readonly T[],
  folds: number,
  seed: number,
): RetrievalMetrics[] {
  const order = shuffled(
    outcomes.map((_, index) => index),
    seededRandom(seed),
  );
  return Array.from({ length: folds }, (_, fold) =>
    retrievalMetrics(order.filter((_, position) => position % folds === fold).map((index) => outcomes[index]!)),
  );
}

export interface ProfileBuilders {
  company(member: SponsorTrials): CompanyProfile;
  need(trial: CtgovTrial): NeedProfile;
}

export type ProfileScorer = (
  need: NeedProfile,
  companies: readonly CompanyProfile[],
) => readonly number[] | Promise<readonly number[]>;

/** A member's profile, built once per member (sponsor plus the trials it is built from). */
export function memberProfiles(builders: ProfileBuilders): (member: SponsorTrials) => CompanyProfile {
  const companies = new Map<string, CompanyProfile>();
  return (member) => {
    const key = `${member.sponsor}\u0000${member.trials.map((trial) => trial.nct).join(',')}`;
    let company = companies.get(key);
    if (company === undefined) {
      company = builders.company(member);
      companies.set(key, company);
    }
    return company;
  };
}

/**
 * A system that ranks profiles rather than trials, which is what weight calibration varies. Profiles are cached per
 * member (sponsor plus the trials it was built from), so each query rebuilds only the held-out sponsor.
 */
export function profileSystem(name: string, builders: ProfileBuilders, score: ProfileScorer): RankingSystem {
  const companyOf = memberProfiles(builders);
  return {
    name,
    scores: (query) => score(builders.need(query.heldOut), query.population.map(companyOf)),
  };
}
