import {
  defaultEngineVocabulary,
  perVocabulary,
  termLabel,
  type EngineVocabulary,
  type EngineVocabularyName,
} from './engine-vocabulary.js';
import { bm25QueryWeight, bm25TermBound } from './bm25.js';
import type { SharedTerm } from './explanation.js';
import { lifeScienceTokens } from './life-science-tokens.js';
import type { CompanyProfile, NeedProfile } from './match-profile.types.js';

/*
 * Lexical relevance is BM25F: a company is one document whose fields count with the weights below, a need is a
 * query of words (a word the need repeats counts more, saturating), and inverse document frequencies come from the
 * population being ranked. Coded terms take part as concept tokens (`conceptTokens`): a need coded "lung cancer"
 * meets a company coded "non-small cell lung cancer", and how much a shared concept counts follows from how rare it
 * is in the population, like any word. Weights are small integers, so lengths and
 * frequencies are exact, and contributions are integers (`bm25Term`), so both scoring paths reach the same sum.
 */

/** How much an occurrence counts, by where it occurs. */
export const COMPANY_FIELD_WEIGHTS = Object.freeze({
  description: 1,
  assets: 2,
  unmappedTerms: 1,
  concepts: 1,
});

/** Concept tokens cannot collide with words: the tokeniser never emits a control character. */
const CONCEPT_MARK = '\u0001';
const CONCEPT_PREFIXES: Readonly<Record<'therapeuticAreas' | 'targets', string>> = {
  therapeuticAreas: `${CONCEPT_MARK}area:`,
  targets: `${CONCEPT_MARK}target:`,
};

/**
 * Labels of these vocabularies are part of the need's words, so a need coded as EGFR-mutated NSCLC finds companies
 * that only write about it; companies' terms take part as concept tokens only, so the words of a broad label do not
 * stand in for a narrower coded term.
 */
const LABELLED_FIELDS: readonly (readonly [EngineVocabularyName, 'therapeuticAreas' | 'targets'])[] = [
  ['therapeuticAreas', 'therapeuticAreas'],
  ['targets', 'targets'],
];

/** A company as lexical relevance sees it: distinct tokens in code-unit order with their weighted frequencies. */
export interface LexicalDocument {
  readonly tokens: readonly string[];
  readonly frequencies: readonly number[];
  readonly length: number;
}

/** Document frequencies of a population: what makes a shared word rare enough to mean something. */
export interface LexicalCorpus {
  readonly documentCount: number;
  readonly averageLength: number;
  documentFrequency(token: string): number;
}

/** A query against one corpus: its words the corpus knows, each with its IDF, and the most it can score. */
export interface LexicalQuery {
  readonly tokens: readonly string[];
  readonly idfs: readonly number[];
  readonly averageLength: number;
  /** What a document holding every word infinitely often would score; scores are shares of it. */
  readonly maxScore: number;
}

/**
 * A profile's terms as concept tokens, each once; a company's with all their ancestors. A need's concept then meets
 * a company coded with it or anything below it, as the area criterion credits such a company in full; a sibling
 * sharing some ancestor with the need earns nothing here, which that criterion already judges.
 */
function conceptTokens(
  vocab: EngineVocabulary,
  profile: { readonly therapeuticAreas?: readonly string[]; readonly targets?: readonly string[] },
  withAncestors = true,
): Set<string> {
  const tokens = new Set<string>();
  for (const [name, field] of LABELLED_FIELDS) {
    const hierarchy = vocab.entries[name].hierarchy;
    const prefix = CONCEPT_PREFIXES[field];
    for (const id of profile[field] ?? []) {
      const canonical = hierarchy.canonicalId?.(id) ?? id;
      if (!hierarchy.has(canonical)) continue;
      if (!withAncestors) tokens.add(prefix + canonical);
      else for (const token of lineageTokens(vocab, name, prefix, canonical)) tokens.add(token);
    }
  }
  return tokens;
}

/** Per vocabulary, a known term's concept token and its ancestors': a population repeats the same few terms. */
const lineageTokenCache = perVocabulary(() => new Map<string, readonly string[]>());

function lineageTokens(
  vocab: EngineVocabulary,
  name: EngineVocabularyName,
  prefix: string,
  canonical: string,
): readonly string[] {
  const byTerm = lineageTokenCache(vocab, name);
  let tokens = byTerm.get(canonical);
  if (tokens === undefined) {
    tokens = [canonical, ...vocab.entries[name].hierarchy.ancestors(canonical)].map((id) => prefix + id);
    byTerm.set(canonical, tokens);
  }
  return tokens;
}

/** What a shared token stands for in an explanation: a word as it is, a concept token as its term. */
export function lexicalTokenTerm(token: string): SharedTerm {
  if (!token.startsWith(CONCEPT_MARK)) return { kind: 'word', text: token };
  for (const [name, field] of LABELLED_FIELDS) {
    const prefix = CONCEPT_PREFIXES[field];
    if (token.startsWith(prefix)) return { kind: 'term', vocabulary: name, id: token.slice(prefix.length) };
  }
  return { kind: 'word', text: token.slice(CONCEPT_MARK.length) };
}

function labelsOf(vocab: EngineVocabulary, name: EngineVocabularyName, ids: readonly string[] | undefined): string[] {
  return (ids ?? []).flatMap((id) => (vocab.entries[name].hierarchy.has(id) ? [termLabel(vocab, name, id)] : []));
}

/** The company's own words (description, asset names and codes, unmapped terms) and its concept tokens. */
export function companyDocument(
  company: CompanyProfile,
  vocab: EngineVocabulary = defaultEngineVocabulary(),
): LexicalDocument {
  const counts = new Map<string, number>();
  let length = 0;
  const add = (texts: readonly string[], weight: number): void => {
    for (const text of texts) {
      for (const token of lifeScienceTokens(text)) {
        counts.set(token, (counts.get(token) ?? 0) + weight);
        length += weight;
      }
    }
  };
  add([company.description ?? ''], COMPANY_FIELD_WEIGHTS.description);
  add(
    (company.assets ?? []).flatMap((asset) => [asset.name, ...(asset.codes ?? [])]),
    COMPANY_FIELD_WEIGHTS.assets,
  );
  add(company.unmappedTerms ?? [], COMPANY_FIELD_WEIGHTS.unmappedTerms);
  // Concept tokens do not lengthen the document: a company coded more specifically than another, with the same
  // words, holds every concept the other holds and must not lose by holding more.
  for (const token of conceptTokens(vocab, company)) {
    counts.set(token, (counts.get(token) ?? 0) + COMPANY_FIELD_WEIGHTS.concepts);
  }
  const tokens = [...counts.keys()].sort(byCodeUnits);
  return { tokens, frequencies: tokens.map((token) => counts.get(token) ?? 0), length };
}

/** A need's distinct words in code-unit order and how often the need uses each. */
export interface QueryTerms {
  readonly tokens: readonly string[];
  readonly counts: readonly number[];
}

/**
 * The need's words: title, description, the labels of its areas and targets, unmapped terms, and its concept
 * tokens. Every field counts alike; weighting the title above the description did worse on real data.
 */
export function needQueryTerms(need: NeedProfile, vocab: EngineVocabulary): QueryTerms {
  const texts = [
    need.title ?? '',
    need.description ?? '',
    ...LABELLED_FIELDS.flatMap(([name, field]) => labelsOf(vocab, name, need[field])),
    ...(need.unmappedTerms ?? []),
  ];
  const counts = new Map<string, number>();
  const add = (token: string): void => {
    counts.set(token, (counts.get(token) ?? 0) + 1);
  };
  texts.flatMap(lifeScienceTokens).forEach(add);
  conceptTokens(vocab, need, false).forEach(add);
  const tokens = [...counts.keys()].sort(byCodeUnits);
  return { tokens, counts: tokens.map((token) => counts.get(token) ?? 0) };
}

export function lexicalCorpus(documents: Iterable<LexicalDocument>): LexicalCorpus {
  const frequencies = new Map<string, number>();
  let documentCount = 0;
  let totalLength = 0;
  for (const document of documents) {
    documentCount++;
    totalLength += document.length;
    for (const token of document.tokens) frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
  }
  return {
    documentCount,
    averageLength: documentCount > 0 ? totalLength / documentCount : 0,
    documentFrequency: (token) => frequencies.get(token) ?? 0,
  };
}

/** The documents of a population, in its order, and the corpus they make. */
export interface PopulationDocuments {
  readonly documents: readonly LexicalDocument[];
  readonly corpus: LexicalCorpus;
}

export function populationDocuments(
  companies: readonly CompanyProfile[],
  vocab: EngineVocabulary = defaultEngineVocabulary(),
): PopulationDocuments {
  const documents = companies.map((company) => companyDocument(company, vocab));
  return { documents, corpus: lexicalCorpus(documents) };
}

export function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * A word's weight is its IDF times BM25's query-frequency part; `idfs` holds these weights. Words no document holds
 * cannot be matched by anyone, so they are left out of the query, but they stay in its maximum (at the IDF of a
 * word no one holds): otherwise the first company to use a need's rare word would be scored against a smaller
 * maximum than the next, and a shortlist filled company by company would keep scores a full ranking would not give.
 * Without a population there is nothing to rank against and the query is empty.
 */
export function lexicalQuery(terms: QueryTerms, corpus: LexicalCorpus): LexicalQuery {
  const tokens: string[] = [];
  const idfs: number[] = [];
  let maxScore = 0;
  if (corpus.documentCount === 0) return { tokens, idfs, averageLength: corpus.averageLength, maxScore };
  for (let t = 0; t < terms.tokens.length; t++) {
    const token = terms.tokens[t]!;
    const frequency = corpus.documentFrequency(token);
    const idf = inverseDocumentFrequency(frequency, corpus.documentCount) * bm25QueryWeight(terms.counts[t] ?? 1);
    maxScore += bm25TermBound(idf);
    if (frequency === 0) continue;
    tokens.push(token);
    idfs.push(idf);
  }
  return { tokens, idfs, averageLength: corpus.averageLength, maxScore };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
