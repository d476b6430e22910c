import {
  stripBiomarkers,
  stripCjkBiomarkers,
  stripCjkQualifiers,
  stripDiseaseQualifiers,
  truncateAtClause,
} from './disease-qualifiers.js';
import {
  bagKey,
  cjkLooseKey,
  cjkUnits,
  compactKey,
  containsCjk,
  invertCommaSegments,
  looseTokens,
  normaliseTokens,
  parentheticalVariants,
} from './term-normalisation.js';
import { TermSimilarity, type SimilarTerm, type SimilarityEntry } from './term-similarity.js';
import { VOCABULARIES, VOCABULARY_NAMES } from './vocabularies.js';
import type {
  TermResolution,
  TermSuggestion,
  UnresolvedTerm,
  Vocabulary,
  VocabularyName,
  VocabularyTerm,
} from './vocabulary.types.js';

/*
 * Confidence of each repair an input needed; repairs multiply, so "Advanced Solid Malignancies" (qualifier stripped,
 * then cancer/malignancy merged) lands at 0.95 × 0.9.
 */
const CONFIDENCE = {
  exact: 1,
  inverted: 0.95,
  parenthetical: 0.95,
  qualifiers: 0.95,
  loose: 0.9,
  clause: 0.9,
  bag: 0.85,
  biomarkers: 0.85,
  fuzzy: 0.7,
} as const;

// A partial match must cover at least half the words, so "cancer pain" can be pain but "oncology drug discovery
// partnerships" is not oncology; its confidence runs from 0.65 (half) towards 0.8.
const MIN_SPAN_COVERAGE = 0.5;
const SPAN_BASE_CONFIDENCE = 0.5;
const SPAN_COVERAGE_WEIGHT = 0.3;

// Keys too short or too common to be found inside longer text: "ALL" the leukaemia is not "all comers".
const MIN_SPAN_KEY_LENGTH = 3;
const MIN_CJK_SPAN_KEY_LENGTH = 2;
const UNSPANNABLE_KEYS: ReadonlySet<string> = new Set(['all']);

// Typo repair ("pancreatc cancer") needs near-identical spelling, the same numbers and a clear winner.
const FUZZY_MIN_DICE = 0.8;
const FUZZY_MIN_MARGIN = 0.08;

const SUGGESTION_LIMIT = 5;
const MIN_SUGGESTION_SCORE = 0.15;
const AMBIGUOUS_SUGGESTION_SCORE = 0.9;

/** Ids, labels and Chinese labels win over synonyms when two terms share a key. */
const PRIMARY = 0;
const SYNONYM = 1;

const MAX_VARIANT_DEPTH = 2;

interface Match {
  readonly id: string;
  readonly confidence: number;
  /** Found inside a longer phrase; a typo repair of the whole phrase beats it. */
  readonly partial?: boolean;
}

/** Key → term id; a key claimed by two terms at the same priority is ambiguous and resolves to neither. */
class KeyTable {
  private readonly entries = new Map<string, { priority: number; ids: Set<string> }>();

  add(key: string, id: string, priority: number): void {
    if (key === '') return;
    const entry = this.entries.get(key);
    if (entry === undefined || priority < entry.priority) this.entries.set(key, { priority, ids: new Set([id]) });
    else if (priority === entry.priority) entry.ids.add(id);
  }

  get(key: string): string | undefined {
    const ids = this.entries.get(key)?.ids;
    if (ids?.size !== 1) return undefined;
    const [id] = ids;
    return id;
  }

  ambiguousIds(key: string): readonly string[] {
    const ids = this.entries.get(key)?.ids;
    return ids !== undefined && ids.size > 1 ? [...ids] : [];
  }
}

function scaled(match: Match | undefined, factor: number): Match | undefined {
  return match === undefined ? undefined : { ...match, confidence: match.confidence * factor };
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token, index) => token === b[index]);
}

function digitsOf(key: string): string {
  return (key.match(/\d+/gu) ?? []).join(' ');
}

function dedupeAdjacent(tokens: readonly string[]): string[] {
  return tokens.filter((token, index) => token !== tokens[index - 1]);
}

function roundScore(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Lookup structure for one vocabulary: resolves messy partner terms (English or Chinese) to term ids and answers
 * hierarchy and order questions about ids. Built once; every lookup after that is a handful of Map reads.
 */
export class VocabularyIndex {
  private readonly terms = new Map<string, VocabularyTerm>();
  private readonly ancestorIds = new Map<string, readonly string[]>();
  private readonly exact = new KeyTable();
  private readonly compact = new KeyTable();
  private readonly loose = new KeyTable();
  private readonly bag = new KeyTable();
  private readonly cjkLoose = new KeyTable();
  private readonly span = new KeyTable();
  private readonly similarity: TermSimilarity;
  // Disease qualifiers ("early", "severe", "II期") are meaningful words in the other vocabularies.
  private readonly stripsDiseaseQualifiers: boolean;

  constructor(readonly vocabulary: Vocabulary) {
    this.stripsDiseaseQualifiers = vocabulary.name === 'therapeuticAreas';
    const similarityEntries = new Map<string, SimilarityEntry>();
    for (const term of vocabulary.terms) {
      if (this.terms.has(term.id)) throw new Error(`Duplicate term id ${term.id} in ${vocabulary.name}`);
      this.terms.set(term.id, term);
      const names: readonly (readonly [string, number])[] = [
        [term.id, PRIMARY],
        [term.label, PRIMARY],
        [term.labelZh, PRIMARY],
        ...term.synonyms.map((synonym) => [synonym, SYNONYM] as const),
      ];
      for (const [name, priority] of names) {
        const tokens = normaliseTokens(name);
        this.addKeys(term.id, tokens, priority);
        const key = tokens.join(' ');
        if (key !== '') {
          similarityEntries.set(`${term.id}\u0000${key}`, { id: term.id, key, words: looseTokens(tokens) });
        }
      }
    }
    for (const term of vocabulary.terms) this.ancestorIds.set(term.id, this.walkAncestors(term));
    this.similarity = new TermSimilarity([...similarityEntries.values()]);
  }

  has(id: string): boolean {
    return this.terms.has(id);
  }

  get(id: string): VocabularyTerm | undefined {
    return this.terms.get(id);
  }

  /** Parent, grandparent, … up to the root; empty for roots and unknown ids. */
  ancestors(id: string): readonly string[] {
    return this.ancestorIds.get(id) ?? [];
  }

  isDescendantOrSelf(id: string, ancestorId: string): boolean {
    return id === ancestorId ? this.terms.has(id) : this.ancestors(id).includes(ancestorId);
  }

  /** 0 for a root, 1 for its children, …; -1 for an unknown id. */
  depth(id: string): number {
    return this.terms.has(id) ? this.ancestors(id).length : -1;
  }

  /** Position in an ordered vocabulary; undefined for unordered vocabularies and unknown ids. */
  rank(id: string): number | undefined {
    return this.vocabulary.ordered ? this.terms.get(id)?.rank : undefined;
  }

  resolve(input: string): TermResolution {
    const direct = this.terms.get(input.trim());
    if (direct !== undefined) return this.resolved(input, direct.id, CONFIDENCE.exact);
    const match = this.bestMatch(input, 0);
    if (match !== undefined && match.partial !== true) return this.resolved(input, match.id, match.confidence);
    const tokens = normaliseTokens(input);
    const nearest = this.similarity.nearest(tokens.join(' '), looseTokens(tokens), SUGGESTION_LIMIT + 1);
    const repaired = this.typoRepair(tokens.join(' '), nearest) ?? match;
    if (repaired !== undefined) return this.resolved(input, repaired.id, repaired.confidence);
    return { input, resolved: false, suggestions: this.suggestions(tokens, nearest) };
  }

  private addKeys(id: string, tokens: readonly string[], priority: number): void {
    const compact = compactKey(tokens);
    this.exact.add(tokens.join(' '), id, priority);
    this.compact.add(compact, id, priority);
    if (containsCjk(compact)) {
      this.cjkLoose.add(cjkLooseKey(compact), id, priority);
      if ([...compact].length >= MIN_CJK_SPAN_KEY_LENGTH) this.span.add(cjkLooseKey(compact), id, priority);
      return;
    }
    const loose = looseTokens(tokens);
    const looseKey = loose.join(' ');
    this.loose.add(looseKey, id, priority);
    this.bag.add(bagKey(loose), id, priority);
    if (looseKey.length >= MIN_SPAN_KEY_LENGTH && !UNSPANNABLE_KEYS.has(looseKey)) {
      this.span.add(looseKey, id, priority);
    }
  }

  private walkAncestors(term: VocabularyTerm): readonly string[] {
    const chain: string[] = [];
    let parentId = term.parent;
    while (parentId !== undefined) {
      if (parentId === term.id || chain.includes(parentId)) {
        throw new Error(`Cycle through ${term.id} in ${this.vocabulary.name}`);
      }
      const parent = this.terms.get(parentId);
      if (parent === undefined) throw new Error(`Unknown parent ${parentId} of ${term.id} in ${this.vocabulary.name}`);
      chain.push(parentId);
      parentId = parent.parent;
    }
    return chain;
  }

  private resolved(input: string, id: string, confidence: number): TermResolution {
    const term = this.terms.get(id);
    if (term === undefined) throw new Error(`Resolved to unknown id ${id} in ${this.vocabulary.name}`);
    return {
      input,
      resolved: true,
      id,
      label: term.label,
      labelZh: term.labelZh,
      confidence: roundScore(confidence),
    };
  }

  /** Tries the text as written, then its parenthesised and comma-inverted readings, and keeps the best. */
  private bestMatch(text: string, depth: number): Match | undefined {
    const own = this.matchText(text);
    if (own?.confidence === CONFIDENCE.exact || depth >= MAX_VARIANT_DEPTH) return own;
    const candidates = [own];
    for (const variant of parentheticalVariants(text)) {
      candidates.push(scaled(this.bestMatch(variant, depth + 1), CONFIDENCE.parenthetical));
    }
    const inverted = invertCommaSegments(text);
    if (inverted !== undefined) candidates.push(scaled(this.bestMatch(inverted, depth + 1), CONFIDENCE.inverted));
    return this.mostConfident(candidates);
  }

  /** Highest confidence; between equals, the more specific term. */
  private mostConfident(candidates: readonly (Match | undefined)[]): Match | undefined {
    let best: Match | undefined;
    for (const candidate of candidates) {
      if (candidate === undefined) continue;
      const better =
        best === undefined ||
        candidate.confidence > best.confidence + Number.EPSILON ||
        (Math.abs(candidate.confidence - best.confidence) <= Number.EPSILON &&
          this.depth(candidate.id) > this.depth(best.id));
      if (better) best = candidate;
    }
    return best;
  }

  private matchText(text: string): Match | undefined {
    const tokens = normaliseTokens(text);
    if (tokens.length === 0) return undefined;
    const compact = compactKey(tokens);
    return containsCjk(compact) ? this.matchCjk(compact) : this.matchLatin(tokens);
  }

  private lookup(tokens: readonly string[]): Match | undefined {
    const exactId = this.exact.get(tokens.join(' ')) ?? this.compact.get(compactKey(tokens));
    if (exactId !== undefined) return { id: exactId, confidence: CONFIDENCE.exact };
    const loose = looseTokens(tokens);
    const looseId = this.loose.get(loose.join(' '));
    if (looseId !== undefined) return { id: looseId, confidence: CONFIDENCE.loose };
    const bagId = this.bag.get(bagKey(loose));
    return bagId === undefined ? undefined : { id: bagId, confidence: CONFIDENCE.bag };
  }

  private matchLatin(tokens: readonly string[]): Match | undefined {
    const direct = this.lookup(tokens);
    if (direct !== undefined) return direct;
    const repairs: readonly (readonly [(tokens: readonly string[]) => string[], number])[] = this
      .stripsDiseaseQualifiers
      ? [
          [stripDiseaseQualifiers, CONFIDENCE.qualifiers],
          [stripBiomarkers, CONFIDENCE.biomarkers],
          [truncateAtClause, CONFIDENCE.clause],
        ]
      : [[truncateAtClause, CONFIDENCE.clause]];
    let working = tokens;
    let factor = 1;
    for (const [repair, confidence] of repairs) {
      const repaired = repair(working);
      if (repaired.length === 0 || sameTokens(repaired, working)) continue;
      working = repaired;
      factor *= confidence;
      const match = scaled(this.lookup(working), factor);
      if (match !== undefined) return match;
    }
    return this.matchSpan(working, factor);
  }

  /** Longest run of words that names a term; at equal length the later run, since English puts the head noun last. */
  private matchSpan(tokens: readonly string[], factor: number): Match | undefined {
    const loose = looseTokens(tokens);
    for (let length = loose.length - 1; length >= 1 && length / loose.length >= MIN_SPAN_COVERAGE; length -= 1) {
      for (let start = loose.length - length; start >= 0; start -= 1) {
        const id = this.span.get(dedupeAdjacent(loose.slice(start, start + length)).join(' '));
        if (id !== undefined) {
          return { id, confidence: factor * this.spanConfidence(length / loose.length), partial: true };
        }
      }
    }
    return undefined;
  }

  private lookupCjk(compact: string): Match | undefined {
    const exactId = this.compact.get(compact);
    if (exactId !== undefined) return { id: exactId, confidence: CONFIDENCE.exact };
    const looseId = this.cjkLoose.get(cjkLooseKey(compact));
    return looseId === undefined ? undefined : { id: looseId, confidence: CONFIDENCE.loose };
  }

  private matchCjk(compact: string): Match | undefined {
    const direct = this.lookupCjk(compact);
    if (direct !== undefined) return direct;
    let working = compact;
    let factor = 1;
    if (this.stripsDiseaseQualifiers) {
      for (const [repair, confidence] of [
        [stripCjkQualifiers, CONFIDENCE.qualifiers],
        [stripCjkBiomarkers, CONFIDENCE.biomarkers],
      ] as const) {
        const repaired = repair(working);
        if (repaired === '' || repaired === working) continue;
        working = repaired;
        factor *= confidence;
        const match = scaled(this.lookupCjk(working), factor);
        if (match !== undefined) return match;
      }
    }
    return this.matchCjkSpan(working, factor);
  }

  /** Chinese has no spaces, so a partial match runs over characters (and whole Latin runs such as "her2"). */
  private matchCjkSpan(compact: string, factor: number): Match | undefined {
    const units = cjkUnits(compact);
    for (let length = units.length - 1; length >= 1 && length / units.length >= MIN_SPAN_COVERAGE; length -= 1) {
      for (let start = units.length - length; start >= 0; start -= 1) {
        const id = this.span.get(cjkLooseKey(units.slice(start, start + length).join('')));
        if (id !== undefined) {
          return { id, confidence: factor * this.spanConfidence(length / units.length), partial: true };
        }
      }
    }
    return undefined;
  }

  private spanConfidence(coverage: number): number {
    return SPAN_BASE_CONFIDENCE + SPAN_COVERAGE_WEIGHT * coverage;
  }

  /** A near-identical spelling of one term, with the same numbers and a clear lead over the runner-up. */
  private typoRepair(key: string, nearest: readonly SimilarTerm[]): Match | undefined {
    const [first, second] = nearest;
    const repairable =
      first !== undefined &&
      !containsCjk(key) &&
      first.dice >= FUZZY_MIN_DICE &&
      digitsOf(first.key) === digitsOf(key) &&
      (second === undefined || first.score - second.score >= FUZZY_MIN_MARGIN);
    return repairable ? { id: first.id, confidence: CONFIDENCE.fuzzy } : undefined;
  }

  /** Terms an ambiguous abbreviation could mean come first, then the nearest spellings. */
  private suggestions(tokens: readonly string[], nearest: readonly SimilarTerm[]): TermSuggestion[] {
    const ambiguous = [
      ...this.exact.ambiguousIds(tokens.join(' ')),
      ...this.compact.ambiguousIds(compactKey(tokens)),
      ...this.loose.ambiguousIds(looseTokens(tokens).join(' ')),
    ];
    const scored = [
      ...ambiguous.map((id) => ({ id, score: AMBIGUOUS_SUGGESTION_SCORE })),
      ...nearest.filter((candidate) => candidate.score >= MIN_SUGGESTION_SCORE),
    ];
    const suggestions: TermSuggestion[] = [];
    for (const { id, score } of scored) {
      const term = this.terms.get(id);
      if (term === undefined || suggestions.some((suggestion) => suggestion.id === id)) continue;
      suggestions.push({ id, label: term.label, score: roundScore(score) });
      if (suggestions.length === SUGGESTION_LIMIT) break;
    }
    return suggestions;
  }
}

function lazyIndexes(): Readonly<Record<VocabularyName, VocabularyIndex>> {
  const indexes = {} as Record<VocabularyName, VocabularyIndex>;
  for (const name of VOCABULARY_NAMES) {
    let built: VocabularyIndex | undefined;
    Object.defineProperty(indexes, name, {
      enumerable: true,
      get: () => (built ??= new VocabularyIndex(VOCABULARIES[name])),
    });
  }
  return Object.freeze(indexes);
}

/** One index per vocabulary, built on first use. */
export const vocabularyIndexes: Readonly<Record<VocabularyName, VocabularyIndex>> = lazyIndexes();

/** Resolves a list of inputs into deduplicated ids in input order; inputs that resolve to nothing come back apart. */
export function resolveTerms(
  name: VocabularyName,
  inputs: readonly string[],
): { ids: string[]; unresolved: UnresolvedTerm[] } {
  const index = vocabularyIndexes[name];
  const ids = new Set<string>();
  const unresolved: UnresolvedTerm[] = [];
  for (const input of inputs) {
    const resolution = index.resolve(input);
    if (resolution.resolved) ids.add(resolution.id);
    else unresolved.push(resolution);
  }
  return { ids: [...ids], unresolved };
}
