import { termLabel, type EngineVocabulary, type EngineVocabularyName } from './engine-vocabulary.js';
import { bm25TermBound } from './bm25.js';
import { lifeScienceTokens } from './life-science-tokens.js';
import type { CompanyProfile, NeedProfile } from './match-profile.types.js';

/*
 * Lexical relevance is BM25F: a company is one document whose fields count with the weights below, a need is a
 * query of distinct words, and inverse document frequencies come from the population being ranked. Weights are
 * small integers, so lengths and frequencies are exact, and contributions are integers (`bm25Term`), so both
 * scoring paths reach the same sum.
 */

/** How much an occurrence counts, by where it occurs. */
export const COMPANY_FIELD_WEIGHTS = Object.freeze({
  description: 1,
  assets: 2,
  unmappedTerms: 1,
});

/**
 * Labels of these vocabularies are part of the need's words, so a need coded as EGFR-mutated NSCLC finds companies
 * that only write about it. Companies' labels are left out: their terms are judged by the structured criteria, and
 * two companies with the same words but a broader and a narrower term should not differ in lexical relevance.
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

function labelsOf(vocab: EngineVocabulary, name: EngineVocabularyName, ids: readonly string[] | undefined): string[] {
  return (ids ?? []).flatMap((id) => (vocab.entries[name].hierarchy.has(id) ? [termLabel(vocab, name, id)] : []));
}

/** The company's own words: description, asset names and codes, unmapped terms. */
export function companyDocument(company: CompanyProfile): LexicalDocument {
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
  const tokens = [...counts.keys()].sort(byCodeUnits);
  return { tokens, frequencies: tokens.map((token) => counts.get(token) ?? 0), length };
}

/**
 * The need's distinct words in code-unit order: title, description, the labels of its areas and targets, unmapped
 * terms. Every field counts alike; weighting the title above the description did worse on real data.
 */
export function needQueryTerms(need: NeedProfile, vocab: EngineVocabulary): string[] {
  const texts = [
    need.title ?? '',
    need.description ?? '',
    ...LABELLED_FIELDS.flatMap(([name, field]) => labelsOf(vocab, name, need[field])),
    ...(need.unmappedTerms ?? []),
  ];
  return [...new Set(texts.flatMap(lifeScienceTokens))].sort(byCodeUnits);
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

export function populationDocuments(companies: readonly CompanyProfile[]): PopulationDocuments {
  const documents = companies.map(companyDocument);
  return { documents, corpus: lexicalCorpus(documents) };
}

export function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Words no document holds cannot be matched by anyone, so they are left out of the query and of its maximum. */
export function lexicalQuery(terms: readonly string[], corpus: LexicalCorpus): LexicalQuery {
  const tokens: string[] = [];
  const idfs: number[] = [];
  let maxScore = 0;
  for (const token of terms) {
    const frequency = corpus.documentFrequency(token);
    if (frequency === 0) continue;
    const idf = inverseDocumentFrequency(frequency, corpus.documentCount);
    tokens.push(token);
    idfs.push(idf);
    maxScore += bm25TermBound(idf);
  }
  return { tokens, idfs, averageLength: corpus.averageLength, maxScore };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
