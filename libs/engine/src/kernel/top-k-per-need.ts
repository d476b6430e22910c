import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RankedMatch } from '../ranking/match-ranking.js';
import { unitsToScore } from '../scoring/score-units.js';
import { sharedFloat64, sharedInt32, type PackedCompanies, type PackedNeeds } from './packed-profiles.js';
import {
  DEFAULT_KERNEL_TUNING,
  decodeKey,
  runRankingJob,
  type KernelTuning,
  type RankingJob,
  type RankingStats,
} from './top-k-kernel.js';

/** Below this many pairs (about 40 ms in one thread), starting and warming up workers costs more than it saves. */
const IN_THREAD_PAIRS = 1_000_000;

export interface TopKOptions {
  /**
   * Worker threads; 0 ranks in the calling thread, which jest needs since the worker is compiled JavaScript.
   * Default: one per core, or none for jobs under a million pairs.
   */
  readonly workers?: number;
  /** Receives kernel statistics, for benchmarks. */
  readonly onStats?: (stats: RankingStats) => void;
  /** How the kernel orders and splits its work, for tests; the result is the same whatever it is. */
  readonly tuning?: Partial<KernelTuning>;
}

/** The fast path: the same top k per need as `topKForNeed`, with the same scores, for a whole population. */
export async function topKPerNeed(
  companies: PackedCompanies,
  needs: PackedNeeds,
  k: number,
  options: TopKOptions = {},
): Promise<Map<string, RankedMatch[]>> {
  if (companies.termSpaceFingerprint !== needs.termSpaceFingerprint) {
    throw new Error('Companies and needs were compiled against different vocabularies.');
  }
  if (companies.corpus !== needs.corpus) {
    throw new Error(
      "Needs must be compiled against the companies' corpus: compileNeeds(needs, vocab, companies.corpus).",
    );
  }
  const needIds = new Set(needs.needs.map((need) => need.id));
  if (needIds.size !== needs.needs.length) throw new Error('Need ids must be unique: results are keyed by need id.');
  const size = Number.isNaN(k) ? 0 : Math.max(0, Math.min(Math.floor(k), companies.ids.length));
  const job: RankingJob = {
    companies: companies.buffers,
    needs: needs.needs,
    needTokens: needs.needs.map((need) =>
      Int32Array.from(need.lexicalTokens, (token) => {
        const number = companies.tokenNumbers.get(token);
        if (number === undefined) throw new Error(`Need ${need.id} was planned against another corpus.`);
        return number;
      }),
    ),
    k: size,
    tuning: { ...DEFAULT_KERNEL_TUNING, ...options.tuning },
    cursor: sharedInt32(1),
    results: sharedFloat64(needs.needs.length * size),
    resultSizes: sharedInt32(needs.needs.length),
  };
  const pairs = companies.ids.length * needs.needs.length;
  const threads = Math.min(
    options.workers ?? (pairs < IN_THREAD_PAIRS ? 0 : availableParallelism()),
    needs.needs.length,
  );
  const stats = size === 0 ? { fullyScored: 0 } : threads <= 0 ? runRankingJob(job) : await runOnWorkers(job, threads);
  options.onStats?.(stats);

  const ranked = new Map<string, RankedMatch[]>();
  needs.needs.forEach((need, index) => {
    const keys = job.results.subarray(index * size, index * size + (job.resultSizes[index] ?? 0));
    ranked.set(
      need.id,
      Array.from(keys, (key, position) => {
        const { eligible, units, idRank } = decodeKey(key);
        const companyId = companies.ids[companies.byIdRank[idRank] ?? 0] ?? '';
        return { companyId, rank: position + 1, score: unitsToScore(units), eligible };
      }),
    );
  });
  return ranked;
}

function runOnWorkers(job: RankingJob, threads: number): Promise<RankingStats> {
  const url = new URL('./topk.worker.js', import.meta.url);
  const runs = Array.from(
    { length: threads },
    () =>
      new Promise<RankingStats>((resolve, reject) => {
        const worker = new Worker(url, { workerData: job });
        worker.once('message', (stats: RankingStats) => resolve(stats));
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`Ranking worker exited with code ${code}.`));
        });
      }),
  );
  return Promise.all(runs).then((all) => ({ fullyScored: all.reduce((sum, stats) => sum + stats.fullyScored, 0) }));
}
