import { matchUnits, SCORE_UNITS, shareUnits } from '../scoring/score-units.js';
import {
  SECTOR_BIT,
  SEEK_COUNT_BITS,
  SEEK_COUNT_MASK,
  type CompanyBuffers,
  type PackedNeed,
} from './packed-profiles.js';

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
  /** Need tokens numbered like the companies' tokens; tokens no company uses are left out. */
  readonly needTokens: readonly Int32Array[];
  readonly k: number;
  /** Next need to take, advanced atomically so threads balance themselves. */
  readonly cursor: Int32Array;
  /** k keys per need, best first; `resultSizes` says how many are filled. */
  readonly results: Float64Array;
  readonly resultSizes: Int32Array;
  readonly tokenCount: number;
}

export interface RankingStats {
  /** Pairs whose later terms were read: the ones no bound could rule out. */
  fullyScored: number;
}

/** Takes needs off the job until none are left; run by each worker and by the in-thread path. */
export function runRankingJob(job: RankingJob): RankingStats {
  const stats: RankingStats = { fullyScored: 0 };
  const heap = new Float64Array(Math.max(1, job.k));
  const tokenMarks = new Int32Array(Math.max(1, job.tokenCount));
  for (let index = Atomics.add(job.cursor, 0, 1); index < job.needs.length; index = Atomics.add(job.cursor, 0, 1)) {
    const need = job.needs[index];
    const needTokens = job.needTokens[index];
    if (need === undefined || needTokens === undefined) break;
    const mark = index + 1;
    for (const token of needTokens) tokenMarks[token] = mark;
    const size = need.split
      ? rankSplit(job.companies, need, job.k, heap, tokenMarks, mark, stats)
      : rankWide(job.companies, need, job.k, heap, tokenMarks, mark, stats);
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

function textUnits(
  companies: CompanyBuffers,
  company: number,
  tokenMarks: Int32Array,
  mark: number,
  scale: number,
  needTokenCount: number,
): number {
  let shared = 0;
  for (let t = companies.tokenBounds[company]!, end = companies.tokenBounds[company + 1]!; t < end; t++) {
    if (tokenMarks[companies.tokens[t]!] === mark) shared++;
  }
  return shareUnits(scale, shared, needTokenCount);
}

/**
 * The hot loop. Per company: OR the gate terms (eligibility), OR the area terms and count the related ones, bound
 * the score, and only then read the remaining terms. The bounds only skip companies that could not enter the
 * heap, so the result equals scoring every pair.
 */
function rankSplit(
  companies: CompanyBuffers,
  need: PackedNeed,
  k: number,
  heap: Float64Array,
  tokenMarks: Int32Array,
  mark: number,
  stats: RankingStats,
): number {
  const { count, bounds, terms, attributes, idRanks } = companies;
  const { table, byteUnits: lut, sectorApplies, sectorKeep, focusScale, reciprocityScale, offerCount } = need;
  const { geographyUnits, textScale, laterMaxUnits } = need;
  const must = need.mustMasks[0]!;
  const needTokenCount = need.textTokens.length;
  let size = 0;
  let threshold = -1;
  let fullyScored = 0;
  for (let company = 0; company < count; company++) {
    const start = bounds[3 * company]!;
    const gateEnd = bounds[3 * company + 1]!;
    const areaEnd = bounds[3 * company + 2]!;
    const end = bounds[3 * company + 3]!;
    let early = 0;
    for (let t = start; t < gateEnd; t++) early |= table[terms[t]! << 2]!;
    const eligibleKey = (early & must) === must ? ELIGIBLE_KEY : 0;
    const rankKey = LAST_ID_RANK - idRanks[company]!;
    if (size === k && eligibleKey + SCORE_UNITS * UNITS_KEY + rankKey <= threshold) continue;

    let related = 0;
    for (let t = gateEnd; t < areaEnd; t++) {
      const row = terms[t]! << 2;
      early |= table[row]!;
      related += table[row + 2]!;
    }
    let units =
      lut[early & 255]! +
      lut[256 + ((early >>> 8) & 255)]! +
      lut[512 + ((early >>> 16) & 255)]! +
      lut[768 + (early >>> 24)]! +
      shareUnits(focusScale, related, areaEnd - gateEnd);
    const keep = sectorApplies && (early & SECTOR_BIT) === 0 ? sectorKeep : 1;
    if (size === k && eligibleKey + matchUnits(units + laterMaxUnits, keep) * UNITS_KEY + rankKey <= threshold)
      continue;

    fullyScored++;
    let late = 0;
    let sought = 0;
    for (let t = areaEnd; t < end; t++) {
      const row = terms[t]! << 2;
      late |= table[row + 1]!;
      sought += table[row + 2]!;
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
    if (textScale > 0) units += textUnits(companies, company, tokenMarks, mark, textScale, needTokenCount);

    const key = eligibleKey + matchUnits(units, keep) * UNITS_KEY + rankKey;
    if (size < k || key > threshold) {
      size = offer(heap, size, k, key);
      if (size === k) threshold = heap[0]!;
    }
  }
  stats.fullyScored += fullyScored;
  return size;
}

/** Any layout, any number of words; for needs too large for the split layout. Same scores, fewer shortcuts. */
function rankWide(
  companies: CompanyBuffers,
  need: PackedNeed,
  k: number,
  heap: Float64Array,
  tokenMarks: Int32Array,
  mark: number,
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
      geographyUnits[attribute >>> SEEK_COUNT_BITS]!;
    if (need.textScale > 0) {
      units += textUnits(companies, company, tokenMarks, mark, need.textScale, need.textTokens.length);
    }
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
