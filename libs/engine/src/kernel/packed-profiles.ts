/**
 * Profiles compiled for the kernel. Every typed array sits on a SharedArrayBuffer so that worker threads read the
 * same memory instead of copies.
 */
import type { LexicalCorpus } from '../scoring/lexical-relevance.js';

/** The population's words inverted: token t's postings are `companies/saturations[bounds[t] .. bounds[t+1])`. */
export interface LexicalPostings {
  readonly bounds: Uint32Array;
  /** Company indices, ascending within a token. */
  readonly companies: Uint32Array;
  /**
   * `bm25Saturation` of the company's weighted frequency and length against the corpus average: the share of a
   * word's weight the company earns, the same for every need compiled against this corpus (`bm25TermOf`).
   */
  readonly saturations: Float64Array;
  /**
   * The same words by company: company c's are `documentTokens/documentSaturations[documentBounds[c] .. [c+1])`,
   * in token order, and tokens are numbered from the most widespread word down.
   */
  readonly documentBounds: Uint32Array;
  readonly documentTokens: Uint32Array;
  readonly documentSaturations: Float64Array;
}

/** Typed arrays of the company population, the part a worker needs. */
export interface CompanyBuffers {
  readonly count: number;
  /**
   * Three offsets per company, then one closing offset: company i's terms are `terms[bounds[3i] .. bounds[3i+3])`,
   * split into the gate section (capabilities, sectors), the area section (therapeutic areas) and the rest
   * (targets, modalities, stages, collaboration types, sought offerings, partner networks). The kernel decides eligibility
   * and most of the score from the first two before it reads the rest.
   */
  readonly bounds: Uint32Array;
  readonly terms: Uint16Array;
  /** Low `SEEK_COUNT_BITS` bits: number of sought offerings; above them the geography code (see `geographyCode`). */
  readonly attributes: Int32Array;
  /** Position of the company's id in code-unit order: the deterministic tie-break. */
  readonly idRanks: Uint32Array;
  readonly postings: LexicalPostings;
  /** The terms inverted: term n's holders are `holders.companies[holders.bounds[n] .. [n+1])`, ascending. */
  readonly holders: TermHolders;
}

/** Companies by packed term, so a need that requires a term can visit only the companies holding it. */
export interface TermHolders {
  readonly bounds: Uint32Array;
  readonly companies: Uint32Array;
}

export interface PackedCompanies {
  readonly termSpaceFingerprint: string;
  readonly ids: readonly string[];
  /** Company index by id rank. */
  readonly byIdRank: Uint32Array;
  /** Token → row of `buffers.postings`. */
  readonly tokenNumbers: ReadonlyMap<string, number>;
  /** Document frequencies of this population; needs must be compiled against it (`compileNeeds`). */
  readonly corpus: LexicalCorpus;
  readonly buffers: CompanyBuffers;
}

/** One need compiled into lookup tables over the term space. */
export interface PackedNeed {
  readonly id: string;
  /** Accumulator words per company; see `need-compiler.ts` for the field layout. */
  readonly words: number;
  /**
   * Split layout: word 0 holds only gate and area fields, word 1 only the rest, so after the first two sections
   * the kernel can bound the final score and skip companies that cannot enter the top k.
   */
  readonly split: boolean;
  /**
   * Wide layout: per term, `words` bit-words to OR into the accumulators, then one count (area relevance or offer
   * match). Split layout: word 0 of every term, then word 1 of every term; the counts are `RELATED_BIT` in word 0
   * and `SOUGHT_BIT` in word 1.
   */
  readonly table: Int32Array;
  readonly stride: number;
  /** Split layout: where word 1 of term 0 is (`table[lateOffset + term]`). */
  readonly lateOffset: number;
  /** Units by byte value, 256 entries per accumulator byte. */
  readonly byteUnits: Int32Array;
  readonly mustMasks: Int32Array;
  readonly sectorApplies: boolean;
  readonly sectorKeep: number;
  readonly focusScale: number;
  readonly reciprocityScale: number;
  readonly offerCount: number;
  /** Units by geography code. */
  readonly geographyUnits: Int32Array;
  readonly textScale: number;
  /** The need's query against the population corpus: words in query order, with weighted IDFs. */
  readonly lexicalTokens: readonly string[];
  readonly lexicalIdfs: Float64Array;
  readonly lexicalMaxScore: number;
  /** Most units the rest section, reciprocity and geography can still add (split layout only). */
  readonly laterMaxUnits: number;
}

export interface PackedNeeds {
  readonly termSpaceFingerprint: string;
  /** The corpus the needs were planned against; it must be the companies' own (none: no word can match). */
  readonly corpus: LexicalCorpus | undefined;
  readonly needs: readonly PackedNeed[];
}

export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, length) * Int32Array.BYTES_PER_ELEMENT));
}

export function sharedUint32(length: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(Math.max(1, length) * Uint32Array.BYTES_PER_ELEMENT));
}

export function sharedUint16(length: number): Uint16Array {
  return new Uint16Array(new SharedArrayBuffer(Math.max(1, length) * Uint16Array.BYTES_PER_ELEMENT));
}

export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(Math.max(1, length) * Float64Array.BYTES_PER_ELEMENT));
}

/** Set in word 0 when a company is in one of the need's sectors. */
export const SECTOR_BIT = 1 << 31;
/** Split layout, word 0: the area term is in the lineage of a need area (counted for focus). */
export const RELATED_BIT = 1 << 30;
/** Split layout, word 1: the sought offering is one the need offers (counted for reciprocity). */
export const SOUGHT_BIT = 1 << 31;

/** Enough for a company seeking every term of a full 2^16-term space. */
export const SEEK_COUNT_BITS = 17;
export const SEEK_COUNT_MASK = (1 << SEEK_COUNT_BITS) - 1;

export const GEOGRAPHY_CODE_COUNT = 8;

/** Bit 2: present in China; bits 0-1: index in `WUXI_CO_LOCATIONS`. */
export function geographyCode(chinaPresence: boolean, wuxiIndex: number): number {
  return (chinaPresence ? 4 : 0) | wuxiIndex;
}
