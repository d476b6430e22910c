import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CRITERIA, type CriterionName, type CriterionWeights } from '#engine';
import { cachedConditionResolver } from './condition-resolution.js';
import { JUDGEMENTS_PATH, loadTrials, loadTrialsFile, projectRoot, trialsBySponsor } from './ctgov-profiles.js';
import {
  ALL_TEXT,
  TITLES_AND_CONDITIONS,
  bm25System,
  parkmatchSystem,
  trialProfileBuilders,
} from './ranking-systems.js';
import {
  foldMetrics,
  isLastTrialOfSponsor,
  leaveOneOutQueries,
  randomSystem,
  retrievalMetrics,
  runRetrieval,
  type QueryOutcome,
  type RetrievalMetrics,
} from './retrieval.js';
import {
  engineConceptSpace,
  loadJudgements,
  scoreTermResolution,
  type TermResolutionReport,
} from './term-resolution.js';

/*
 * npm run eval:matching [-- --weights '{"textRelevance":0.5}'] [--folds 5] [--seed 9] [--trials file.json]
 *                         [--sponsor-type INDUSTRY]
 *
 * Ranking quality on real ClinicalTrials.gov registrations (issue 9) and term-resolution coverage and precision against
 * hand judgements. Human-readable tables first; the last line of output is one JSON object with every figure.
 * `--trials` evaluates another set of registrations in the same format (test/data/ctgov-sample/README.md); term
 * resolution is still measured on the shipped judgements. `--sponsor-type` keeps only the questions whose true sponsor
 * is of that registry type; every sponsor stays in the population.
 */

const USAGE =
  'usage: eval-matching [--weights \'{"textRelevance":0.5}\'] [--folds 5] [--seed 9] [--trials file.json] ' +
  '[--sponsor-type INDUSTRY]';

interface Options {
  readonly weights?: Partial<CriterionWeights>;
  readonly folds: number;
  readonly seed: number;
  readonly trialsFile?: string;
  readonly sponsorType?: string;
}

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      weights: { type: 'string' },
      folds: { type: 'string', default: '0' },
      seed: { type: 'string', default: '9' },
      trials: { type: 'string' },
      'sponsor-type': { type: 'string' },
    },
  });
  const folds = Number(values.folds);
  const seed = Number(values.seed);
  if (!Number.isInteger(folds) || folds < 0 || folds === 1) throw new Error(`--folds must be 0 or ≥ 2. ${USAGE}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer. ${USAGE}`);
  return {
    folds,
    seed,
    ...(values.weights === undefined ? {} : { weights: parseWeights(values.weights) }),
    ...(values.trials === undefined ? {} : { trialsFile: resolve(values.trials) }),
    ...(values['sponsor-type'] === undefined ? {} : { sponsorType: values['sponsor-type'] }),
  };
}

function parseWeights(json: string): Partial<CriterionWeights> {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`--weights must be a JSON object. ${USAGE}`);
  }
  const weights: Partial<CriterionWeights> = {};
  for (const [criterion, value] of Object.entries(parsed)) {
    if (!CRITERIA.includes(criterion as CriterionName)) {
      throw new Error(`Unknown criterion "${criterion}"; known: ${CRITERIA.join(', ')}.`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(`Weight of ${criterion} must be a non-negative number.`);
    }
    weights[criterion as CriterionName] = value;
  }
  return weights;
}

const SYSTEMS = ['parkmatch', 'bm25', 'bm25-all-text', 'random'] as const;

function formatTable(title: string, rows: readonly (readonly [string, RetrievalMetrics])[]): string {
  const header = ['system', 'queries', 'MRR', 'R@1', 'R@5', 'R@10', 'median', 'ties≥20'];
  const body = rows.map(([name, metrics]) => [
    name,
    String(metrics.queries),
    metrics.mrr.toFixed(3),
    percent(metrics.recallAt1),
    percent(metrics.recallAt5),
    percent(metrics.recallAt10),
    String(metrics.medianRank),
    percent(metrics.heavyTieShare),
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [title, line(header), ...body.map(line)].join('\n');
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function rounded(metrics: RetrievalMetrics): RetrievalMetrics {
  const r = (value: number): number => Math.round(value * 10_000) / 10_000;
  return {
    queries: metrics.queries,
    mrr: r(metrics.mrr),
    recallAt1: r(metrics.recallAt1),
    recallAt5: r(metrics.recallAt5),
    recallAt10: r(metrics.recallAt10),
    medianRank: metrics.medianRank,
    heavyTieShare: r(metrics.heavyTieShare),
  };
}

function formatTermResolution(report: TermResolutionReport): string {
  const { coverage, precision } = report;
  const lines = [
    `Term resolution of ${report.strings} distinct condition strings (${report.judgementsVersion})`,
    `  coverage  ${percent(coverage.share)}  (${coverage.hits} of ${coverage.expected} strings with an expected disease or target)`,
    `  precision ${percent(precision.share)}  (${precision.correct} of ${precision.resolved} resolved strings)`,
    `  expected ids the shipped vocabularies know: ${percent(report.expectedIdsKnown)}`,
    `  misses (first 30 of ${report.misses.length}):`,
    ...report.misses
      .slice(0, 30)
      .map((item) => `    ${item.input}  expected ${item.expected.join(', ')}  got ${item.got.join(', ') || '—'}`),
    `  errors (first 30 of ${report.errors.length}):`,
    ...report.errors
      .slice(0, 30)
      .map((item) => `    ${item.input}  expected ${item.expected.join(', ') || '—'}  got ${item.got.join(', ')}`),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = projectRoot();
  const trials = options.trialsFile === undefined ? loadTrials(root) : loadTrialsFile(options.trialsFile);
  const bySponsor = trialsBySponsor(trials);
  const queries = leaveOneOutQueries(bySponsor).filter(
    (query) => options.sponsorType === undefined || query.heldOut.sponsorType === options.sponsorType,
  );
  const resolveCondition = cachedConditionResolver();
  const parkmatch = parkmatchSystem(trialProfileBuilders(resolveCondition, options.weights), queries.length);
  const outcomes = await runRetrieval(queries, [
    parkmatch.system,
    bm25System('bm25', TITLES_AND_CONDITIONS),
    bm25System('bm25-all-text', ALL_TEXT),
    randomSystem(options.seed),
  ]);

  const lastTrialNcts = new Set(queries.filter(isLastTrialOfSponsor).map((query) => query.heldOut.nct));
  const variant = (keep: (outcome: QueryOutcome) => boolean) =>
    SYSTEMS.map((name) => [name, retrievalMetrics((outcomes.get(name) ?? []).filter(keep))] as const);
  const leaveOneOut = variant(() => true);
  const onePerSponsor = variant((outcome) => lastTrialNcts.has(outcome.nct));
  const kernelAgrees = parkmatch.agreement.agreed === parkmatch.agreement.checked;

  const population = bySponsor.size;
  console.log(
    `Parkmatch retrieval on ${trials.length} ClinicalTrials.gov registrations` +
      (options.trialsFile === undefined ? '' : ` from ${options.trialsFile}`) +
      `: population ${population} sponsors, ` +
      (options.sponsorType === undefined ? '' : `questions about ${options.sponsorType} sponsors only, `) +
      `condition resolver: resolveConditionMention` +
      (options.weights === undefined ? '' : `, weights ${JSON.stringify(options.weights)}`),
  );
  console.log(
    `Ranks count ties against the true sponsor; random's expected MRR is ${harmonicMrr(population).toFixed(3)}.\n`,
  );
  console.log(formatTable(`Leave-one-out over every trial of multi-trial sponsors`, leaveOneOut));
  console.log();
  console.log(
    formatTable(`One held-out trial per multi-trial sponsor (last NCT id; issue 9's protocol)`, onePerSponsor),
  );
  console.log(
    `\nKernel top ${10} agrees with the reference ranking: ${parkmatch.agreement.agreed} of ${parkmatch.agreement.checked} queries` +
      (kernelAgrees ? '' : ` (differs e.g. for ${parkmatch.agreement.disagreements.join(', ')})`),
  );

  const folds =
    options.folds >= 2
      ? Object.fromEntries(
          SYSTEMS.map((name) => [
            name,
            foldMetrics(outcomes.get(name) ?? [], options.folds, options.seed).map(rounded),
          ]),
        )
      : undefined;
  if (folds !== undefined) {
    console.log(`\nMRR per fold (${options.folds} seeded folds of the leave-one-out queries):`);
    for (const name of SYSTEMS)
      console.log(`  ${name.padEnd(14)} ${(folds[name] ?? []).map((m) => m.mrr.toFixed(3)).join('  ')}`);
  }

  const judgementsFile = join(root, JUDGEMENTS_PATH);
  let termResolution: TermResolutionReport | undefined;
  if (existsSync(judgementsFile)) {
    termResolution = scoreTermResolution(loadJudgements(judgementsFile), resolveCondition, engineConceptSpace());
    console.log(`\n${formatTermResolution(termResolution)}`);
  } else {
    console.log(`\nNo ${JUDGEMENTS_PATH}: term resolution not measured.`);
  }

  const summary = {
    dataset: {
      ...(options.trialsFile === undefined ? {} : { file: options.trialsFile }),
      ...(options.sponsorType === undefined ? {} : { sponsorType: options.sponsorType }),
      trials: trials.length,
      sponsors: population,
      queries: queries.length,
      onePerSponsorQueries: lastTrialNcts.size,
    },
    conditionResolver: 'resolveConditionMention',
    weights: options.weights ?? null,
    seed: options.seed,
    leaveOneOut: Object.fromEntries(leaveOneOut.map(([name, metrics]) => [name, rounded(metrics)])),
    onePerSponsor: Object.fromEntries(onePerSponsor.map(([name, metrics]) => [name, rounded(metrics)])),
    kernelAgrees,
    kernelChecked: parkmatch.agreement.checked,
    ...(folds === undefined ? {} : { folds }),
    termResolution:
      termResolution === undefined
        ? null
        : {
            version: termResolution.judgementsVersion,
            strings: termResolution.strings,
            coverage: round4(termResolution.coverage.share),
            coverageHits: termResolution.coverage.hits,
            coverageExpected: termResolution.coverage.expected,
            precision: round4(termResolution.precision.share),
            precisionCorrect: termResolution.precision.correct,
            precisionResolved: termResolution.precision.resolved,
            expectedIdsKnown: round4(termResolution.expectedIdsKnown),
          },
  };
  console.log(JSON.stringify(summary));
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function harmonicMrr(n: number): number {
  let sum = 0;
  for (let i = 1; i <= n; i++) sum += 1 / i;
  return sum / n;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
