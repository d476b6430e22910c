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

/** Work shared by the threads of one `topKPerNeed` call; every array lives on shared memory. */
export interface RankingJob {
  readonly companies: CompanyBuffers;
  readonly needs: readonly PackedNeed[];
  /** Per need, its query words as rows of `companies.postings`, in query order. */
  readonly needTokens: readonly Int32Array[];
  readonly k: number;
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
  const lexical = new LexicalScratch(job.companies.count, job.companies.postings.bounds.length - 1);
  const remaining = new RemainingCompanies(job.companies.count);
  for (let index = Atomics.add(job.cursor, 0, 1); index < job.needs.length; index = Atomics.add(job.cursor, 0, 1)) {
    const need = job.needs[index];
    const needTokens = job.needTokens[index];
    if (need === undefined || needTokens === undefined) break;
    lexical.score(job.companies, need, needTokens);
    const size = need.split
      ? rankSplit(job.companies, need, job.k, heap, lexical, remaining, stats)
      : rankWide(job.companies, need, job.k, heap, lexical, stats);
    lexical.clear();
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

/** A word is common when more than this share of companies holds it; see `LexicalScratch`. */
const COMMON_WORD_SHARE = 1 / 32;
const MIN_COMMON_WORD_POSTINGS = 256;

/**
 * Lexical relevance of one need, MaxScore-style. Rare words are added through their postings, visiting only the
 * companies that hold them. Common words ("patients", "study") would visit most companies, so they are only bounded:
 * a company's upper bound is its rare-word score plus everything the common words could add, and only a company
 * whose bound can still enter the top k has its common words looked up in its own word list. Contributions are
 * integers (`bm25TermOf`), so the sum does not depend on this order and equals the reference's.
 */
class LexicalScratch {
  /** Per company, units its lexical relevance can reach at most for the current need. */
  readonly upper: Int32Array;
  private readonly sums: Float64Array;
  private readonly touched: Uint32Array;
  private touchedCount = 0;
  /** `mark` where a company is in `touched` for the current need. */
  private readonly touchedMarks: Int32Array;
  private readonly commonMarks: Int32Array;
  private readonly commonIdfs: Float64Array;
  private mark = 0;
  private commonCount = 0;
  /** Highest token number among the need's common words: a company's word list is read up to it. */
  private lastCommonToken = -1;
  private need: PackedNeed | undefined;

  constructor(count: number, tokenCount: number) {
    this.upper = new Int32Array(Math.max(1, count));
    this.sums = new Float64Array(Math.max(1, count));
    this.touched = new Uint32Array(Math.max(1, count));
    this.touchedMarks = new Int32Array(Math.max(1, count));
    this.commonMarks = new Int32Array(Math.max(1, tokenCount));
    this.commonIdfs = new Float64Array(Math.max(1, tokenCount));
  }

  score(companies: CompanyBuffers, need: PackedNeed, tokens: Int32Array): void {
    this.need = need;
    this.mark++;
    this.commonCount = 0;
    this.lastCommonToken = -1;
    if (need.textScale <= 0) {
      this.upper.fill(0);
      return;
    }
    const { bounds, companies: posted, saturations } = companies.postings;
    const { lexicalIdfs, lexicalMaxScore, textScale } = need;
    const { sums, touched, touchedMarks, mark } = this;
    const common = Math.max(MIN_COMMON_WORD_POSTINGS, companies.count * COMMON_WORD_SHARE);
    let commonBound = 0;
    for (let q = 0; q < tokens.length; q++) {
      const token = tokens[q]!;
      const idf = lexicalIdfs[q]!;
      const start = bounds[token]!;
      const end = bounds[token + 1]!;
      if (end - start > common) {
        this.commonMarks[token] = this.mark;
        this.commonIdfs[token] = idf;
        this.commonCount++;
        this.lastCommonToken = Math.max(this.lastCommonToken, token);
        commonBound += bm25TermBound(idf);
        continue;
      }
      for (let p = start; p < end; p++) {
        const company = posted[p]!;
        if (touchedMarks[company] !== mark) {
          touchedMarks[company] = mark;
          touched[this.touchedCount++] = company;
        }
        sums[company]! += bm25TermOf(idf, saturations[p]!);
      }
    }
    this.upper.fill(lexicalUnits(textScale, commonBound, lexicalMaxScore));
    for (let i = 0; i < this.touchedCount; i++) {
      const company = touched[i]!;
      this.upper[company] = lexicalUnits(textScale, sums[company]! + commonBound, lexicalMaxScore);
    }
  }

  /** Companies holding a rare word of the need: the likeliest to rank, so they are visited first. */
  get touchedCompanies(): Uint32Array {
    return this.touched.subarray(0, this.touchedCount);
  }

  wasTouched(company: number): boolean {
    return this.touchedMarks[company] === this.mark;
  }

  /** Exact units of one company; equal to `upper` when the need has no common word. */
  exact(companies: CompanyBuffers, company: number): number {
    const need = this.need;
    if (need === undefined || need.textScale <= 0) return 0;
    if (this.commonCount === 0) return this.upper[company]!;
    const { documentBounds, documentTokens, documentSaturations } = companies.postings;
    let sum = this.sums[company]!;
    const last = this.lastCommonToken;
    for (let t = documentBounds[company]!, end = documentBounds[company + 1]!; t < end; t++) {
      const token = documentTokens[t]!;
      if (token > last) break;
      if (this.commonMarks[token] !== this.mark) continue;
      sum += bm25TermOf(this.commonIdfs[token]!, documentSaturations[t]!);
    }
    return lexicalUnits(need.textScale, sum, need.lexicalMaxScore);
  }

  clear(): void {
    for (let i = 0; i < this.touchedCount; i++) this.sums[this.touched[i]!] = 0;
    this.touchedCount = 0;
  }
}

/**
 * The hot loop. Per company: OR the gate terms (eligibility), OR the area terms and count the related ones, bound
 * the score, read the remaining terms, bound it again, and only then look up the need's common words. The bounds only skip companies that could not enter the
 * heap, so the result equals scoring every pair. Companies sharing a rare word with the need come first: they fill
 * the heap with high scores early, so the bounds rule out more of the rest, and often rule out whole groups of it
 * (`requiredBits`), which are then not visited at all. Keys are unique (they end in the id rank), so the order of
 * visits does not change the result.
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
  const lexicalUpper = lexical.upper;
  const { table, byteUnits: lut, sectorApplies, sectorKeep, focusScale, reciprocityScale, offerCount } = need;
  const { geographyUnits, laterMaxUnits, lateOffset } = need;
  const must = need.mustMasks[0]!;
  let size = 0;
  let threshold = -1;
  let fullyScored = 0;
  let order = lexical.touchedCompanies;
  for (let pass = 0; pass < 2; pass++) {
    if (pass === 1) {
      const required = size === k ? requiredBits(need, threshold) : 0;
      order = remaining.select(companies, table, required, lexical.touchedCompanies);
    }
    for (let visit = 0; visit < order.length; visit++) {
      const company = order[visit]!;
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
      if (
        size === k &&
        eligibleKey + matchUnits(units + lexicalUpper[company]! + laterMaxUnits, keep) * UNITS_KEY + rankKey <=
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
      // Every criterion but lexical relevance is now exact, which is cheaper to reach than the common words' part
      // of lexical relevance: the company's own word list, elsewhere in memory.
      if (
        size === k &&
        eligibleKey + matchUnits(units + lexicalUpper[company]!, keep) * UNITS_KEY + rankKey <= threshold
      )
        continue;
      units += lexical.exact(companies, company);

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
      lexical.exact(companies, company);
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
