import { containsCjk } from './term-normalisation.js';

export interface SimilarityEntry {
  /** A normalised term: space-separated tokens, or Chinese text. */
  readonly key: string;
  /** Its distinctive words: generic nouns such as "disease" left out, so they do not make terms look alike. */
  readonly words: readonly string[];
  readonly id: string;
}

export interface SimilarTerm {
  readonly id: string;
  /** Matched key of the term, to let callers check what the score is based on. */
  readonly key: string;
  /** Blend of character n-gram Dice and shared whole words; 0..1. */
  readonly score: number;
  /** Character n-gram Dice coefficient alone; 0..1. */
  readonly dice: number;
}

interface IndexedEntry {
  readonly key: string;
  readonly id: string;
  readonly gramCount: number;
  readonly words: ReadonlySet<string>;
}

// Words weigh less than n-grams: two terms can share "cancer" and still be far apart.
const DICE_WEIGHT = 0.6;
const WORD_WEIGHT = 0.4;

function gramsOf(key: string): Set<string> {
  const grams = new Set<string>();
  if (containsCjk(key)) {
    const compact = key.replaceAll(' ', '');
    if (compact.length === 1) grams.add(compact);
    for (let index = 0; index + 2 <= compact.length; index += 1) grams.add(compact.slice(index, index + 2));
    return grams;
  }
  const padded = ` ${key} `;
  for (let index = 0; index + 3 <= padded.length; index += 1) grams.add(padded.slice(index, index + 3));
  return grams;
}

function wordOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / Math.max(a.size, b.size, 1);
}

/**
 * Cheap nearest-term search for suggestions and typo repair: an inverted index from character trigrams (bigrams for
 * Chinese) to keys, so a query only scores the keys it shares an n-gram with.
 */
export class TermSimilarity {
  private readonly entries: IndexedEntry[] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(entries: readonly SimilarityEntry[]) {
    for (const entry of entries) {
      const grams = gramsOf(entry.key);
      const position = this.entries.length;
      this.entries.push({ key: entry.key, id: entry.id, gramCount: grams.size, words: new Set(entry.words) });
      for (const gram of grams) {
        const posting = this.postings.get(gram);
        if (posting === undefined) this.postings.set(gram, [position]);
        else posting.push(position);
      }
    }
  }

  /** The closest terms to a normalised key and its distinctive words, one entry per term id, best first. */
  nearest(key: string, queryWords: readonly string[], limit: number): SimilarTerm[] {
    const grams = gramsOf(key);
    if (grams.size === 0) return [];
    const sharedGrams = new Map<number, number>();
    for (const gram of grams) {
      for (const position of this.postings.get(gram) ?? []) {
        sharedGrams.set(position, (sharedGrams.get(position) ?? 0) + 1);
      }
    }
    const cjk = containsCjk(key);
    const words = new Set(queryWords);
    const best = new Map<string, SimilarTerm>();
    for (const [position, shared] of sharedGrams) {
      const entry = this.entries[position];
      if (entry === undefined) continue;
      const dice = (2 * shared) / (grams.size + entry.gramCount);
      const score = cjk ? dice : DICE_WEIGHT * dice + WORD_WEIGHT * wordOverlap(words, entry.words);
      const current = best.get(entry.id);
      if (current === undefined || score > current.score)
        best.set(entry.id, { id: entry.id, key: entry.key, score, dice });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
  }
}
