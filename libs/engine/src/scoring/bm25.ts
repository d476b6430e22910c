import { roundUnits } from './score-units.js';

/*
 * BM25's arithmetic, apart from documents and vocabularies so that the kernel's worker threads can import it
 * without loading the vocabularies.
 */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
/** Saturation of the query side: a word the need repeats counts more, up to K3 + 1 times. */
export const BM25_K3 = 8;

/**
 * Contributions are integers in units of 2^-24, so a document's score is the same exact sum in whatever order its
 * words are added: the kernel adds rare words through postings first and common words later, the reference adds
 * them in query order, and both arrive at the same number.
 */
export const LEXICAL_QUANTUM = 2 ** 24;

/** BM25's query-frequency part: how much a word the query holds `count` times counts against holding it once. */
export function bm25QueryWeight(count: number): number {
  return ((BM25_K3 + 1) * count) / (BM25_K3 + count);
}

/** BM25's term-frequency part: how much of a word's IDF a document holding it `frequency` times earns. */
export function bm25Saturation(frequency: number, length: number, averageLength: number): number {
  const norm = averageLength > 0 ? 1 - BM25_B + (BM25_B * length) / averageLength : 1;
  return (frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * norm);
}

/** One query word's BM25 contribution for a document holding it `frequency` times. */
export function bm25Term(idf: number, frequency: number, length: number, averageLength: number): number {
  return bm25TermOf(idf, bm25Saturation(frequency, length, averageLength));
}

/** `bm25Term` from a saturation computed beforehand: the same arithmetic, so the same integer. */
export function bm25TermOf(idf: number, saturation: number): number {
  return roundUnits(idf * saturation * LEXICAL_QUANTUM);
}

/** More than any document can get from the word: the limit of `bm25Term` as its frequency grows. */
export function bm25TermBound(idf: number): number {
  return roundUnits(idf * (BM25_K1 + 1) * LEXICAL_QUANTUM);
}

/**
 * The one place a BM25 score becomes units, shared by both scoring paths. The square root of the share of the
 * query's maximum: matching a few rare words already counts and the next ones add less.
 */
export const LEXICAL_SHARE_SHAPE = 'sqrt';

export function lexicalUnits(scale: number, score: number, maxScore: number): number {
  if (maxScore <= 0 || score <= 0) return 0;
  return roundUnits(scale * Math.sqrt(Math.min(1, score / maxScore)));
}
