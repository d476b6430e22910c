import { bm25TermBound, bm25TermOf, lexicalUnits } from '../scoring/bm25.js';
import { matchUnits, SCORE_UNITS, shareUnits } from '../scoring/score-units.js';
import {
  RELATED_BIT,
  SECTOR_BIT,
  SOUGHT_BIT,
  SEEK_COUNT_BITS,
  SEEK_COUNT_MASK,
  type CompanyBuffers,
  type PackedNeed,
} from './packed-profiles.js';
import { RemainingCompanies } from './remaining-companies.js';

/**
 * A match is ranked by one float key: eligible * 2^52 + units * 2^32 + (2^32 - 1 - idRank). Units stay below 2^20
 * and id ranks below 2^32, so the key is an exact integer and a larger key is a better match under `compareMatches`.
 */
const ELIGIBLE_KEY = 2 ** 52;
const UNITS_KEY = 2 ** 32;
const LAST_ID_RANK = 2 ** 32 - 1;

export function decodeKey(key: number): {
  readonly eligible: boolean;
  readonly units: number;
  readonly idRank: number;
} {
  const eligible = key >= ELIGIBLE_KEY;
  const rest = eligible ? key - ELIGIBLE_KEY : key;
  const units = Math.floor(rest / UNITS_KEY);
  return { eligible, units, idRank: LAST_ID_RANK - (rest - units * UNITS_KEY) };
}

/**
 * How the kernel orders and splits its work. Results never depend on it; tests shrink it so that small populations
 * take the paths large ones take.
 */
export interface KernelTuning {
  /** About how many companies with the highest lexical sums are ranked first, to raise the k-th key early. */
  readonly leaders: number;
  /**
   * Words held by more than this share of companies (and by more than `minDeferredPostings`) are looked up per
   * company instead of through their postings.
   */
  readonly deferredWordShare: number;
  readonly minDeferredPostings: number;
}

export const DEFAULT_KERNEL_TUNING: KernelTuning = Object.freeze({
  leaders: 2048,
  deferredWordShare: 1 / 2,
  minDeferredPostings: 256,
});

/** Work shared by the threads of one `topKPerNeed` call; every array lives on shared memory. */
export interface RankingJob {
  readonly companies: CompanyBuffers;
  readonly needs: readonly PackedNeed[];
  /** Per need, its query words as rows of `companies.postings`, in query order. */
  readonly needTokens: readonly Int32Array[];
  readonly k: number;
  readonly tuning: KernelTuning;
  /** Next need to take, advanced atomically so threads balance themselves. */
  readonly cursor: Int32Array;
  /** k keys per need, best first; `resultSizes` says how many are filled. */
  readonly results: Float64Array;
  readonly resultSizes: Int32Array;
}

export interface RankingStats {
  /**
   * Pairs whose later terms were read: the ones the bounds on the gate and area sections could not rule out. The
   * common words' part of lexical relevance is looked up for fewer: those the exact rest did not rule out either.
   */
  fullyScored: number;
}

/** Takes needs off the job until none are left; run by each worker and by the in-thread path. */
export function runRankingJob(job: RankingJob): RankingStats {
  const stats: RankingStats = { fullyScored: 0 };
  const heap = new Float64Array(Math.max(1, job.k));
  const lexical = new LexicalScratch(job.companies.count, job.companies.postings.bounds.length - 1, job.tuning);
  const remaining = new RemainingCompanies(job.companies.count);
  for (let index = Atomics.add(job.cursor, 0, 1); index < job.needs.length; index = Atomics.add(job.cursor, 0, 1)) {
    const need = job.needs[index];
    const needTokens = job.needTokens[index];
    if (need === undefined || needTokens === undefined) break;
    lexical.score(job.companies, need, needTokens);
    const size = need.split
      ? rankSplit(job.companies, need, job.k, heap, lexical, remaining, stats)
      : rankWide(job.companies, need, job.k, heap, lexical, stats);
    const best = heap.subarray(0, size).sort().reverse();
    job.results.set(best, index * job.k);
    job.resultSizes[index] = size;
  }
  return stats;
}

/** Min-heap insert into a full or filling heap; returns the new size. */
function offer(heap: Float64Array, size: number, k: number, key: number): number {
  if (size < k) {
    let child = size;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      const parentKey = heap[parent]!;
      if (parentKey <= key) break;
      heap[child] = parentKey;
      child = parent;
    }
    heap[child] = key;
    return size + 1;
  }
  let parent = 0;
  for (;;) {
    const left = 2 * parent + 1;
    if (left >= k) break;
    const right = left + 1;
    const child = right < k && heap[right]! < heap[left]! ? right : left;
    const childKey = heap[child]!;
    if (childKey >= key) break;
    heap[parent] = childKey;
    parent = child;
  }
  heap[parent] = key;
  return size;
}

const HISTOGRAM_BUCKETS = 4096;
const SAMPLE_STRIDE = 4;

/**
 * Lexical relevance of one need, term at a time: every query word's postings add its integer contribution
 * (`bm25TermOf`) to the companies holding it, so each company's sum is known before the need's ranking starts.
 * Lexical relevance weighs most of a score, so these sums tell the kernel which companies to rank first and, once
 * the top k is full, which ones cannot reach it at all. The few words most companies hold ("patients", a broad
 * area's concept token) would cost most of the postings and weigh little: they are only bounded (`deferredBound`)
 * and looked up in a company's own word list when the company gets that far (MaxScore). Contributions are
 * integers, so the sum does not depend on this order and equals the reference's.
 */
class LexicalScratch {
  /** Per company, the BM25 sum (integer quanta) of the need's words other than the deferred ones. */
  readonly sums: Float64Array;
  /** The most the deferred words can add to a sum. */
  deferredBound = 0;
  private readonly histogram: Uint32Array;
  private readonly leaders: Uint32Array;
  private readonly deferredMarks: Int32Array;
  private readonly deferredIdfs: Float64Array;
  private mark = 0;
  /** Highest token number among the deferred words: a company's word list is read up to it. */
  private lastDeferred = -1;
  private textScale = 0;
  private maxScore = 0;
  private active = false;

  constructor(
    count: number,
    tokenCount: number,
    private readonly tuning: KernelTuning,
  ) {
    this.sums = new Float64Array(Math.max(1, count));
    this.histogram = new Uint32Array(HISTOGRAM_BUCKETS);
    this.leaders = new Uint32Array(Math.max(1, count));
    this.deferredMarks = new Int32Array(Math.max(1, tokenCount));
    this.deferredIdfs = new Float64Array(Math.max(1, tokenCount));
  }

  score(companies: CompanyBuffers, need: PackedNeed, tokens: Int32Array): void {
    const sums = this.sums;
    sums.fill(0);
    const mark = ++this.mark;
    this.deferredBound = 0;
    this.lastDeferred = -1;
    this.textScale = need.textScale;
    this.maxScore = need.lexicalMaxScore;
    this.active = need.textScale > 0 && need.lexicalMaxScore > 0 && tokens.length > 0;
    if (!this.active) return;
    const { bounds, companies: posted, saturations } = companies.postings;
    const idfs = need.lexicalIdfs;
    const { deferredWordShare, minDeferredPostings } = this.tuning;
    const deferredPostings = Math.max(minDeferredPostings, companies.count * deferredWordShare);
    for (let q = 0; q < tokens.length; q++) {
      const token = tokens[q]!;
      const idf = idfs[q]!;
      const start = bounds[token]!;
      const end = bounds[token + 1]!;
      if (end - start > deferredPostings) {
        this.deferredMarks[token] = mark;
        this.deferredIdfs[token] = idf;
        this.lastDeferred = Math.max(this.lastDeferred, token);
        this.deferredBound += bm25TermBound(idf);
        continue;
      }
      for (let p = start; p < end; p++) sums[posted[p]!]! += bm25TermOf(idf, saturations[p]!);
    }
  }

  /** Exact BM25 sum of one company: `sums` plus its deferred words. */
  exactSum(companies: CompanyBuffers, company: number): number {
    let sum = this.sums[company]!;
    const last = this.lastDeferred;
    if (last < 0) return sum;
    const { documentBounds, documentTokens, documentSaturations } = companies.postings;
    const { deferredMarks, deferredIdfs, mark } = this;
    for (let t = documentBounds[company]!, end = documentBounds[company + 1]!; t < end; t++) {
      const token = documentTokens[t]!;
      if (token > last) break;
      if (deferredMarks[token] === mark) sum += bm25TermOf(deferredIdfs[token]!, documentSaturations[t]!);
    }
    return sum;
  }

  /** Lexical units a company with this sum gets. */
  unitsOf(sum: number): number {
    return this.active ? lexicalUnits(this.textScale, sum, this.maxScore) : 0;
  }

  get maxSum(): number {
    return this.active ? this.maxScore : 0;
  }

  /**
   * About `tuning.leaders` companies with the highest lexical sums, in population order (none without text): found with a
   * histogram of the sums rather than a sort.
   */
  leading(count: number): Uint32Array {
    if (!this.active) return this.leaders.subarray(0, 0);
    const { sums, histogram, leaders } = this;
    const scale = HISTOGRAM_BUCKETS / this.maxScore;
    const top = HISTOGRAM_BUCKETS - 1;
    const wanted = this.tuning.leaders;
    // A sample of every `stride`-th company tells where the cut lies closely enough: the leaders only go first.
    const stride = count >= 16 * wanted ? SAMPLE_STRIDE : 1;
    histogram.fill(0);
    for (let company = 0; company < count; company += stride) {
      histogram[Math.min(top, Math.floor(sums[company]! * scale))]!++;
    }
    let cut = top;
    for (let held = histogram[top]!; cut > 1 && held * stride < wanted;) held += histogram[--cut]!;
    const least = Math.max(Number.MIN_VALUE, cut / scale);
    let size = 0;
    for (let company = 0; company < count; company++) {
      if (sums[company]! >= least) leaders[size++] = company;
    }
    return leaders.subarray(0, size);
  }
}

/**
 * Most units a need's criteria other than lexical relevance can add: the best value of every byte of word 0, the
 * focus share, and `laterMaxUnits` for the rest.
 */
function structuredMaxUnits(need: PackedNeed): number {
  let units = Math.ceil(need.focusScale) + 1 + need.laterMaxUnits;
  for (let byte = 0; byte < 4; byte++) {
    let best = 0;
    for (let value = 0; value < 256; value++) best = Math.max(best, need.byteUnits[byte * 256 + value]!);
    units += best;
  }
  return units;
}

/**
 * The smallest lexical sum with which a company could still beat `threshold`, scoring everything else in full;
 * Infinity when none could. Lexical units grow with the sum and sums are integers, so a binary search is exact.
 */
function leastUsefulSum(lexical: LexicalScratch, structuredMax: number, threshold: number): number {
  const best = (sum: number): number =>
    ELIGIBLE_KEY + Math.min(SCORE_UNITS, lexical.unitsOf(sum) + structuredMax) * UNITS_KEY + LAST_ID_RANK;
  if (best(0) > threshold) return 0;
  let high = lexical.maxSum;
  if (best(high) <= threshold) return Infinity;
  let low = 0; // best(low) <= threshold < best(high)
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (best(middle) > threshold) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * The hot loop. Companies with the highest lexical sums come first: they fill the heap with high scores early. Then,
 * per company: compare its lexical sum with the least that could still enter the top k when everything else scored in
 * full (one sequential read), OR the gate terms (eligibility), OR the area terms and count the related ones, bound
 * the score, read the remaining terms, bound it again, and only then look up the deferred words. The bounds only skip
 * companies that could not enter the heap, so the result equals scoring every pair; they often rule out whole groups
 * of companies (`requiredBits`), which are then not visited at all. Keys are unique (they end in the id rank), so the
 * order of visits does not change the result.
 */
function rankSplit(
  companies: CompanyBuffers,
  need: PackedNeed,
  k: number,
  heap: Float64Array,
  lexical: LexicalScratch,
  remaining: RemainingCompanies,
  stats: RankingStats,
): number {
  const { bounds, terms, attributes, idRanks } = companies;
  const sums = lexical.sums;
  const deferredBound = lexical.deferredBound;
  const { table, byteUnits: lut, sectorApplies, sectorKeep, focusScale, reciprocityScale, offerCount } = need;
  const { geographyUnits, laterMaxUnits, lateOffset } = need;
  const must = need.mustMasks[0]!;
  const structuredMax = structuredMaxUnits(need);
  let size = 0;
  let threshold = -1;
  // Companies whose lexical sum is below this cannot beat `threshold` (kept up to date lazily, at `leastFor`). The
  // leaders' sums are high, so only the companies after them are compared with it.
  let leastSum = 0;
  let leastFor = -1;
  let fullyScored = 0;
  const leaders = lexical.leading(companies.count);
  let order = leaders;
  for (let pass = 0; pass < 2; pass++) {
    if (pass === 1) {
      const required = size === k ? requiredBits(need, threshold) : 0;
      order = remaining.select(companies, table, required, leaders);
    }
    for (let visit = 0; visit < order.length; visit++) {
      const company = order[visit]!;
      if (pass === 1 && size === k) {
        if (leastFor !== threshold) {
          leastSum = leastUsefulSum(lexical, structuredMax, threshold);
          leastFor = threshold;
        }
        if (sums[company]! + deferredBound < leastSum) continue;
      }
      const start = bounds[3 * company]!;
      const gateEnd = bounds[3 * company + 1]!;
      const areaEnd = bounds[3 * company + 2]!;
      const end = bounds[3 * company + 3]!;
      let early = 0;
      for (let t = start; t < gateEnd; t++) early |= table[terms[t]!]!;
      const eligibleKey = (early & must) === must ? ELIGIBLE_KEY : 0;
      const rankKey = LAST_ID_RANK - idRanks[company]!;
      if (size === k && eligibleKey + SCORE_UNITS * UNITS_KEY + rankKey <= threshold) continue;

      let related = 0;
      for (let t = gateEnd; t < areaEnd; t++) {
        const bits = table[terms[t]!]!;
        early |= bits;
        related += (bits & RELATED_BIT) === 0 ? 0 : 1;
      }
      let units =
        lut[early & 255]! +
        lut[256 + ((early >>> 8) & 255)]! +
        lut[512 + ((early >>> 16) & 255)]! +
        lut[768 + (early >>> 24)]! +
        shareUnits(focusScale, related, areaEnd - gateEnd);
      const keep = sectorApplies && (early & SECTOR_BIT) === 0 ? sectorKeep : 1;
      const partialSum = sums[company]!;
      if (
        size === k &&
        eligibleKey +
          matchUnits(units + lexical.unitsOf(partialSum + deferredBound) + laterMaxUnits, keep) * UNITS_KEY +
          rankKey <=
          threshold
      )
        continue;
      fullyScored++;
      let late = 0;
      let sought = 0;
      for (let t = areaEnd; t < end; t++) {
        const bits = table[lateOffset + terms[t]!]!;
        late |= bits;
        sought += (bits & SOUGHT_BIT) === 0 ? 0 : 1;
      }
      const attribute = attributes[company]!;
      const attainable = Math.min(attribute & SEEK_COUNT_MASK, offerCount);
      units +=
        lut[1024 + (late & 255)]! +
        lut[1280 + ((late >>> 8) & 255)]! +
        lut[1536 + ((late >>> 16) & 255)]! +
        lut[1792 + (late >>> 24)]! +
        shareUnits(reciprocityScale, Math.min(sought, attainable), attainable) +
        geographyUnits[attribute >>> SEEK_COUNT_BITS]!;
      // Every criterion but lexical relevance is now exact, which is cheaper to reach than the deferred words: the
      // company's own word list, elsewhere in memory.
      if (
        size === k &&
        deferredBound > 0 &&
        eligibleKey + matchUnits(units + lexical.unitsOf(partialSum + deferredBound), keep) * UNITS_KEY + rankKey <=
          threshold
      )
        continue;
      units += lexical.unitsOf(lexical.exactSum(companies, company));

      const key = eligibleKey + matchUnits(units, keep) * UNITS_KEY + rankKey;
      if (size < k || key > threshold) {
        size = offer(heap, size, k, key);
        if (size === k) threshold = heap[0]!;
      }
    }
  }
  stats.fullyScored += fullyScored;
  return size;
}

/**
 * Bits of word 0 a company must hold for its key to beat `threshold`, the k-th key of a full heap: every must-have
 * once an eligible company holds the k-th place, and the need's sector once a company outside it, scoring
 * everything it can, would still rank below.
 */
export function requiredBits(need: PackedNeed, threshold: number): number {
  if (threshold < ELIGIBLE_KEY) return 0;
  const outsideSectorBest = ELIGIBLE_KEY + matchUnits(SCORE_UNITS, need.sectorKeep) * UNITS_KEY + LAST_ID_RANK;
  const sector = need.sectorApplies && outsideSectorBest <= threshold ? SECTOR_BIT : 0;
  return need.mustMasks[0]! | sector;
}

/** Any layout, any number of words; for needs too large for the split layout. Same scores, fewer shortcuts. */
function rankWide(
  companies: CompanyBuffers,
  need: PackedNeed,
  k: number,
  heap: Float64Array,
  lexical: LexicalScratch,
  stats: RankingStats,
): number {
  const { count, bounds, terms, attributes, idRanks } = companies;
  const { table, stride, words, byteUnits, mustMasks, offerCount, geographyUnits } = need;
  const accumulators = new Int32Array(words);
  let size = 0;
  let threshold = -1;
  for (let company = 0; company < count; company++) {
    const start = bounds[3 * company]!;
    const gateEnd = bounds[3 * company + 1]!;
    const areaEnd = bounds[3 * company + 2]!;
    const end = bounds[3 * company + 3]!;
    accumulators.fill(0);
    let related = 0;
    let sought = 0;
    for (let t = start; t < end; t++) {
      const row = terms[t]! * stride;
      for (let word = 0; word < words; word++) accumulators[word]! |= table[row + word]!;
      if (t >= areaEnd) sought += table[row + words]!;
      else if (t >= gateEnd) related += table[row + words]!;
    }
    let eligible = true;
    let units = 0;
    for (let word = 0; word < words; word++) {
      const bits = accumulators[word]!;
      const mustBits = mustMasks[word]!;
      if ((bits & mustBits) !== mustBits) eligible = false;
      for (let byte = 0; byte < 4; byte++) units += byteUnits[(word * 4 + byte) * 256 + ((bits >>> (8 * byte)) & 255)]!;
    }
    const attribute = attributes[company]!;
    const attainable = Math.min(attribute & SEEK_COUNT_MASK, offerCount);
    units +=
      shareUnits(need.focusScale, related, areaEnd - gateEnd) +
      shareUnits(need.reciprocityScale, Math.min(sought, attainable), attainable) +
      geographyUnits[attribute >>> SEEK_COUNT_BITS]! +
      lexical.unitsOf(lexical.exactSum(companies, company));
    const keep = need.sectorApplies && (accumulators[0]! & SECTOR_BIT) === 0 ? need.sectorKeep : 1;
    const key =
      (eligible ? ELIGIBLE_KEY : 0) + matchUnits(units, keep) * UNITS_KEY + (LAST_ID_RANK - idRanks[company]!);
    if (size < k || key > threshold) {
      size = offer(heap, size, k, key);
      if (size === k) threshold = heap[0]!;
    }
  }
  stats.fullyScored += count;
  return size;
}
