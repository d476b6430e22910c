import { withAssetTerms } from './company-terms.js';
import { termLabel, type EngineVocabulary, type EngineVocabularyName } from './engine-vocabulary.js';
import { bm25TermBound } from './bm25.js';
import { lifeScienceTokens } from './life-science-tokens.js';
import type { CompanyProfile, NeedProfile } from './match-profile.types.js';

/*
 * Lexical relevance is BM25F: a company is one document whose fields count with the weights below, a need is a
 * query of distinct words, and inverse document frequencies come from the population being ranked. Weights are
 * small integers and documents are token counts times those weights, so lengths and frequencies are exact and
 * both scoring paths add the same floating-point terms in the same order.
 */

/** How much an occurrence counts, by where it occurs. */
export const COMPANY_FIELD_WEIGHTS = Object.freeze({
  description: 1,
  assets: 2,
  unmappedTerms: 1,
});

/** A query word counts once, with the weight of the strongest field it appears in. */
export const NEED_FIELD_WEIGHTS = Object.freeze({
  title: 1,
  terms: 1,
  unmappedTerms: 1,
  description: 1,
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

export interface LexicalQueryTerm {
  readonly token: string;
  readonly weight: number;
}

/** Document frequencies of a population: what makes a shared word rare enough to mean something. */
export interface LexicalCorpus {
  readonly documentCount: number;
  readonly averageLength: number;
  documentFrequency(token: string): number;
}

/** A query against one corpus: its words the corpus knows, each with its weighted IDF, and the most it can score. */
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

/** `company` with its asset terms folded in (`withAssetTerms`). */
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

/** The need's distinct words, in code-unit order, each with the weight of the strongest field naming it. */
export function needQueryTerms(need: NeedProfile, vocab: EngineVocabulary): LexicalQueryTerm[] {
  const weights = new Map<string, number>();
  const add = (texts: readonly string[], weight: number): void => {
    for (const text of texts) {
      for (const token of lifeScienceTokens(text)) weights.set(token, Math.max(weights.get(token) ?? 0, weight));
    }
  };
  add([need.title ?? ''], NEED_FIELD_WEIGHTS.title);
  add([need.description ?? ''], NEED_FIELD_WEIGHTS.description);
  for (const [name, field] of LABELLED_FIELDS) add(labelsOf(vocab, name, need[field]), NEED_FIELD_WEIGHTS.terms);
  add(need.unmappedTerms ?? [], NEED_FIELD_WEIGHTS.unmappedTerms);
  return [...weights.keys()].sort(byCodeUnits).map((token) => ({ token, weight: weights.get(token) ?? 0 }));
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
  const documents = companies.map((company) => companyDocument(withAssetTerms(company)));
  return { documents, corpus: lexicalCorpus(documents) };
}

export function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Words no document holds cannot be matched by anyone, so they are left out of the query and of its maximum. */
export function lexicalQuery(terms: readonly LexicalQueryTerm[], corpus: LexicalCorpus): LexicalQuery {
  const tokens: string[] = [];
  const idfs: number[] = [];
  let maxScore = 0;
  for (const { token, weight } of terms) {
    const frequency = corpus.documentFrequency(token);
    if (frequency === 0) continue;
    const idf = weight * inverseDocumentFrequency(frequency, corpus.documentCount);
    tokens.push(token);
    idfs.push(idf);
    maxScore += bm25TermBound(idf);
  }
  return { tokens, idfs, averageLength: corpus.averageLength, maxScore };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
