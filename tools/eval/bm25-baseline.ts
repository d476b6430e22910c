/** Lowercase runs of letters and digits; no stemming, no stop words: the plain baseline of issue 9. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface Bm25Options {
  readonly k1: number;
  readonly b: number;
}

export const BM25_DEFAULTS: Bm25Options = { k1: 1.2, b: 0.75 };

/** A document as BM25 reads it: how often each word occurs. */
export type TermCounts = ReadonlyMap<string, number>;

export function termCounts(document: string): TermCounts {
  const counts = new Map<string, number>();
  for (const token of wordTokens(document)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * Okapi BM25 over a fixed set of documents, with the non-negative idf ln(1 + (N − n + 0.5) / (n + 0.5)). A query word
 * that occurs twice counts twice, as in the common reference implementations.
 */
export class Bm25Index {
  private readonly termFrequencies: readonly TermCounts[];
  private readonly lengths: number[];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;

  /** Documents as text, or tokenised beforehand (`termCounts`) so callers can reuse them across indexes. */
  constructor(
    documents: readonly (string | TermCounts)[],
    private readonly options: Bm25Options = BM25_DEFAULTS,
  ) {
    this.termFrequencies = documents.map((document) =>
      typeof document === 'string' ? termCounts(document) : document,
    );
    this.lengths = this.termFrequencies.map((counts) => [...counts.values()].reduce((sum, count) => sum + count, 0));
    for (const counts of this.termFrequencies) {
      for (const token of counts.keys())
        this.documentFrequency.set(token, (this.documentFrequency.get(token) ?? 0) + 1);
    }
    const total = this.lengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = documents.length === 0 ? 0 : total / documents.length;
  }

  idf(token: string): number {
    const n = this.documentFrequency.get(token) ?? 0;
    const count = this.termFrequencies.length;
    return Math.log(1 + (count - n + 0.5) / (n + 0.5));
  }

  /** One score per document, in document order. */
  scores(query: string): number[] {
    const { k1, b } = this.options;
    const tokens = wordTokens(query).filter((token) => this.documentFrequency.has(token));
    return this.termFrequencies.map((counts, index) => {
      const norm = k1 * (1 - b + (b * (this.lengths[index] ?? 0)) / (this.averageLength || 1));
      let score = 0;
      for (const token of tokens) {
        const frequency = counts.get(token) ?? 0;
        if (frequency > 0) score += (this.idf(token) * frequency * (k1 + 1)) / (frequency + norm);
      }
      return score;
    });
  }
}
