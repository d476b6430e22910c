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

// Words weigh less than n-grams: two terms can share "cancer" and still be far apart.
const DICE_WEIGHT = 0.6;
const WORD_WEIGHT = 0.4;
// Candidates kept before folding several keys of one term into its best; keys per term rarely exceed this factor.
const CANDIDATES_PER_RESULT = 4;

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

function addPosting(lists: Map<string, number[]>, token: string, position: number): void {
  const posting = lists.get(token);
  if (posting === undefined) lists.set(token, [position]);
  else posting.push(position);
}

function frozenPostings(lists: ReadonlyMap<string, number[]>): Map<string, Int32Array> {
  return new Map([...lists].map(([token, positions]) => [token, Int32Array.from(positions)]));
}

interface Candidate {
  readonly position: number;
  readonly score: number;
  readonly dice: number;
}

/**
 * Cheap nearest-term search for suggestions and typo repair: inverted indexes from character trigrams (bigrams for
 * Chinese) and from distinctive words to keys, so a query only scores the keys it shares an n-gram with. Counts live
 * in typed arrays reused between queries: with ~30k keys a query touching most of them still costs about a
 * millisecond.
 */
export class TermSimilarity {
  private readonly keys: string[] = [];
  private readonly ids: string[] = [];
  private readonly gramCounts: Uint16Array;
  private readonly wordCounts: Uint16Array;
  private readonly gramPostings: Map<string, Int32Array>;
  private readonly wordPostings: Map<string, Int32Array>;
  private readonly sharedGrams: Uint16Array;
  private readonly sharedWords: Uint16Array;

  constructor(entries: readonly SimilarityEntry[]) {
    const gramLists = new Map<string, number[]>();
    const wordLists = new Map<string, number[]>();
    this.gramCounts = new Uint16Array(entries.length);
    this.wordCounts = new Uint16Array(entries.length);
    for (const [position, entry] of entries.entries()) {
      const grams = gramsOf(entry.key);
      const words = new Set(entry.words);
      this.keys.push(entry.key);
      this.ids.push(entry.id);
      this.gramCounts[position] = grams.size;
      this.wordCounts[position] = words.size;
      for (const gram of grams) addPosting(gramLists, gram, position);
      for (const word of words) addPosting(wordLists, word, position);
    }
    this.gramPostings = frozenPostings(gramLists);
    this.wordPostings = frozenPostings(wordLists);
    this.sharedGrams = new Uint16Array(entries.length);
    this.sharedWords = new Uint16Array(entries.length);
  }

  /** The closest terms to a normalised key and its distinctive words, one entry per term id, best first. */
  nearest(key: string, queryWords: readonly string[], limit: number): SimilarTerm[] {
    const grams = gramsOf(key);
    if (grams.size === 0) return [];
    const touched: number[] = [];
    for (const gram of grams) {
      for (const position of this.gramPostings.get(gram) ?? []) {
        if (this.sharedGrams[position] === 0) touched.push(position);
        this.sharedGrams[position] = (this.sharedGrams[position] ?? 0) + 1;
      }
    }
    const cjk = containsCjk(key);
    const words = new Set(queryWords);
    if (!cjk) {
      for (const word of words) {
        for (const position of this.wordPostings.get(word) ?? []) {
          this.sharedWords[position] = (this.sharedWords[position] ?? 0) + 1;
        }
      }
    }
    const keep = limit * CANDIDATES_PER_RESULT;
    const top: Candidate[] = [];
    for (const position of touched) {
      const dice = (2 * (this.sharedGrams[position] ?? 0)) / (grams.size + (this.gramCounts[position] ?? 0));
      const overlap = (this.sharedWords[position] ?? 0) / Math.max(words.size, this.wordCounts[position] ?? 0, 1);
      this.sharedGrams[position] = 0;
      this.sharedWords[position] = 0;
      const score = cjk ? dice : DICE_WEIGHT * dice + WORD_WEIGHT * overlap;
      if (top.length === keep && score <= (top[keep - 1]?.score ?? 0)) continue;
      let at = top.length;
      while (at > 0 && (top[at - 1]?.score ?? 0) < score) at -= 1;
      top.splice(at, 0, { position, score, dice });
      if (top.length > keep) top.pop();
    }
    if (!cjk)
      for (const word of words)
        for (const position of this.wordPostings.get(word) ?? []) this.sharedWords[position] = 0;
    const best = new Map<string, SimilarTerm>();
    for (const { position, score, dice } of top) {
      const id = this.ids[position] ?? '';
      const current = best.get(id);
      if (current === undefined || score > current.score)
        best.set(id, { id, key: this.keys[position] ?? '', score, dice });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
  }
}
