import {
  defaultEngineVocabulary,
  type EngineVocabulary,
  type EngineVocabularyName,
} from '../scoring/engine-vocabulary.js';
import { WUXI_CO_LOCATIONS, hasChinaPresence } from '../scoring/geography.js';
import type { CompanyProfile } from '../scoring/match-profile.types.js';
import { bm25Saturation } from '../scoring/bm25.js';
import { withAssetTerms } from '../scoring/company-terms.js';
import { populationDocuments } from '../scoring/lexical-relevance.js';
import {
  SEEK_COUNT_BITS,
  geographyCode,
  sharedFloat64,
  sharedInt32,
  sharedUint16,
  sharedUint32,
  type LexicalPostings,
  type PackedCompanies,
  type TermHolders,
} from './packed-profiles.js';
import { termSpaceOf, type TermSpace } from './term-space.js';
import type { LexicalDocument } from '../scoring/lexical-relevance.js';

/** Compile once per population; recompiling is only needed when profiles or vocabularies change. */
export function compileCompanies(
  companies: readonly CompanyProfile[],
  vocab: EngineVocabulary = defaultEngineVocabulary(),
): PackedCompanies {
  const space = termSpaceOf(vocab);
  const count = companies.length;
  const bounds = sharedUint32(3 * count + 1);
  const attributes = sharedInt32(count);
  const terms: number[] = [];

  companies.forEach((profile, index) => {
    const company = withAssetTerms(profile);
    bounds[3 * index] = terms.length;
    pushKnown(terms, space, vocab, 'capabilities', company.capabilities);
    pushKnown(terms, space, vocab, 'sectors', company.sectors);
    bounds[3 * index + 1] = terms.length;
    pushKnown(terms, space, vocab, 'therapeuticAreas', company.therapeuticAreas);
    bounds[3 * index + 2] = terms.length;
    pushKnown(terms, space, vocab, 'targets', company.targets ?? []);
    pushKnown(terms, space, vocab, 'modalities', company.modalities);
    pushKnown(terms, space, vocab, 'developmentStages', company.developmentStages);
    pushKnown(terms, space, vocab, 'collaborationTypes', company.collaborationTypes);
    const seekCount = pushKnown(terms, space, vocab, 'offerings', company.seeking);
    pushKnown(terms, space, vocab, 'partnerNetworks', company.partnerNetworks);
    const geography = geographyCode(hasChinaPresence(company), WUXI_CO_LOCATIONS.indexOf(company.wuxiCoLocation));
    attributes[index] = seekCount | (geography << SEEK_COUNT_BITS);
  });
  bounds[3 * count] = terms.length;
  const { documents, corpus } = populationDocuments(companies, vocab);
  const { tokenNumbers, postings } = invertDocuments(documents, corpus.averageLength);

  const ids = companies.map((company) => company.id);
  // Sorting an index array keeps equal ids in input order, as the reference's stable sort does.
  const byIdRank = Uint32Array.from(ids.keys()).sort((a, b) => {
    const idA = ids[a] ?? '';
    const idB = ids[b] ?? '';
    return idA < idB ? -1 : idA > idB ? 1 : a - b;
  });
  const idRanks = sharedUint32(count);
  byIdRank.forEach((companyIndex, rank) => {
    idRanks[companyIndex] = rank;
  });

  const packedTerms = sharedUint16(terms.length);
  packedTerms.set(terms);
  return {
    termSpaceFingerprint: space.fingerprint,
    ids,
    byIdRank,
    tokenNumbers,
    corpus,
    buffers: {
      count,
      bounds,
      terms: packedTerms,
      attributes,
      idRanks,
      postings,
      holders: invertTerms(packedTerms, bounds, count, space.size),
    },
  };
}

/** Holders per term, companies ascending: a company's terms are distinct, so each holder is listed once. */
function invertTerms(terms: Uint16Array, bounds: Uint32Array, count: number, termCount: number): TermHolders {
  // The shared array has at least one element, so the used part is read through `bounds`.
  const used = terms.subarray(0, bounds[3 * count]);
  const holderBounds = sharedUint32(termCount + 1);
  for (const term of used) holderBounds[term + 1]!++;
  for (let term = 0; term < termCount; term++) holderBounds[term + 1]! += holderBounds[term]!;
  const companies = sharedUint32(used.length);
  const next = Uint32Array.from(holderBounds.subarray(0, termCount));
  for (let company = 0; company < count; company++) {
    for (let t = bounds[3 * company]!, end = bounds[3 * company + 3]!; t < end; t++) {
      companies[next[terms[t]!]!++] = company;
    }
  }
  return { bounds: holderBounds, companies };
}

/**
 * Postings per token, companies in population order: lexical relevance then visits only the companies that share
 * a word with a need instead of every company. Tokens are numbered from the most widespread down, so the common words
 * the kernel looks up per company (see `LexicalScratch`) come first in every company's sorted word list.
 */
function invertDocuments(
  documents: readonly LexicalDocument[],
  averageLength: number,
): {
  tokenNumbers: Map<string, number>;
  postings: LexicalPostings;
} {
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    for (const token of document.tokens) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  }
  const byFrequency = [...documentFrequency].sort(
    ([tokenA, frequencyA], [tokenB, frequencyB]) =>
      frequencyB - frequencyA || (tokenA < tokenB ? -1 : tokenA > tokenB ? 1 : 0),
  );
  const tokenNumbers = new Map(byFrequency.map(([token], number) => [token, number]));
  const bounds = sharedUint32(byFrequency.length + 1);
  byFrequency.forEach(([, frequency], number) => {
    bounds[number + 1] = bounds[number]! + frequency;
  });
  const total = bounds[byFrequency.length]!;
  const companies = sharedUint32(total);
  const saturations = sharedFloat64(total);
  const documentBounds = sharedUint32(documents.length + 1);
  const documentTokens = sharedUint32(total);
  const documentSaturations = sharedFloat64(total);
  const next = Uint32Array.from(bounds.subarray(0, byFrequency.length));
  // A document's tokens are distinct, so its numbers sort as plain integers and find their saturation by number.
  const saturationOf = new Float64Array(byFrequency.length);
  const numbers = new Uint32Array(documents.reduce((most, document) => Math.max(most, document.tokens.length), 1));
  let position = 0;
  documents.forEach((document, company) => {
    documentBounds[company] = position;
    document.tokens.forEach((token, index) => {
      const number = tokenNumbers.get(token)!;
      numbers[index] = number;
      saturationOf[number] = bm25Saturation(document.frequencies[index]!, document.length, averageLength);
    });
    for (const number of numbers.subarray(0, document.tokens.length).sort()) {
      const slot = next[number]!++;
      companies[slot] = company;
      saturations[slot] = saturationOf[number]!;
      documentTokens[position] = number;
      documentSaturations[position++] = saturationOf[number]!;
    }
  });
  documentBounds[documents.length] = position;
  return {
    tokenNumbers,
    postings: {
      bounds,
      companies,
      saturations,
      documentBounds,
      documentTokens,
      documentSaturations,
    },
  };
}

/** Appends the known, distinct terms of one field and returns how many it appended. */
function pushKnown(
  terms: number[],
  space: TermSpace,
  vocab: EngineVocabulary,
  name: EngineVocabularyName,
  ids: readonly string[],
): number {
  const numbers = new Set<number>();
  const hierarchy = vocab.entries[name].hierarchy;
  for (const id of ids) {
    // Alias ids (a DOID id for a curated term, a retired id) pack as the term they stand for.
    const number = space.numberOf(name, hierarchy.canonicalId?.(id) ?? id);
    if (number !== undefined) numbers.add(number);
  }
  terms.push(...numbers);
  return numbers.size;
}
