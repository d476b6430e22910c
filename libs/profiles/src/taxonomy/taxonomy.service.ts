import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  VOCABULARIES,
  VOCABULARY_NAMES,
  VOCABULARY_VERSION,
  vocabularyIndexes,
  type TermResolution,
  type Vocabulary,
  type VocabularyName,
  type VocabularyTerm,
} from '#engine';
import { NotFoundError } from '#platform';
import { LruCache } from './lru-cache.js';
import type {
  ResolvedTermResult,
  TaxonomyCatalogue,
  TaxonomyTerm,
  TermResolutionResult,
  UnresolvedTermResult,
  VocabularyDetail,
  VocabularySummary,
} from './taxonomy.dto.js';

const isVocabularyName = (name: string): name is VocabularyName => Object.hasOwn(VOCABULARIES, name);

const summary = (vocabulary: Vocabulary): VocabularySummary => ({
  name: vocabulary.name,
  version: vocabulary.version,
  hierarchical: vocabulary.hierarchical,
  ordered: vocabulary.ordered,
  termCount: vocabulary.terms.length,
});

const termOf = (term: VocabularyTerm): TaxonomyTerm => ({
  id: term.id,
  label: term.label,
  labelZh: term.labelZh,
  synonyms: [...term.synonyms],
  parent: term.parent ?? null,
  xrefs: [...(term.xrefs ?? [])],
  rank: term.rank ?? null,
});

const withVocabulary = (vocabulary: VocabularyName, resolution: TermResolution): TermResolutionResult =>
  resolution.resolved
    ? {
        input: resolution.input,
        vocabulary,
        resolved: true,
        id: resolution.id,
        label: resolution.label,
        labelZh: resolution.labelZh,
        confidence: resolution.confidence,
      }
    : { input: resolution.input, vocabulary, resolved: false, suggestions: [...resolution.suggestions] };

/** The input is the term's id, English label or Chinese label as written (not merely a synonym or a repair). */
const namesTermExactly = (input: string, vocabulary: VocabularyName, id: string): boolean => {
  const term = vocabularyIndexes[vocabulary].get(id);
  const text = input.trim();
  return (
    term !== undefined && (text === term.id || text.toLowerCase() === term.label.toLowerCase() || text === term.labelZh)
  );
};

/**
 * Read access to the controlled vocabularies and their resolver, so clients can build pickers and check their
 * terms before writing a profile.
 */
/** Builds every vocabulary index now, so the first profile write or resolve does not pay for it. */
export const warmVocabularyIndexes = (): void => {
  for (const name of VOCABULARY_NAMES) vocabularyIndexes[name].has('');
};

/** Resolutions kept per process: the vocabularies never change while it runs, and clients repeat their terms. */
const RESOLUTION_CACHE_SIZE = 20_000;

@Injectable()
export class TaxonomyService implements OnModuleInit {
  private readonly resolutions = new LruCache<string, TermResolutionResult>(RESOLUTION_CACHE_SIZE);

  /** The indexes are built on first use (about a second for the disease ontology): at boot, not on a request. */
  onModuleInit(): void {
    warmVocabularyIndexes();
  }

  catalogue(): TaxonomyCatalogue {
    return {
      vocabularyVersion: VOCABULARY_VERSION,
      vocabularies: VOCABULARY_NAMES.map((name) => summary(VOCABULARIES[name])),
    };
  }

  vocabulary(name: string): VocabularyDetail {
    if (!isVocabularyName(name)) {
      throw new NotFoundError(
        'TAXONOMY.NOT_FOUND',
        `Vocabulary ${name} not found; expected one of ${VOCABULARY_NAMES.join(', ')}`,
      );
    }
    const vocabulary = VOCABULARIES[name];
    return { ...summary(vocabulary), terms: vocabulary.terms.map(termOf) };
  }

  /** One result per input, in input order; without `vocabulary`, the best hit across all vocabularies. */
  resolve(terms: readonly string[], vocabulary?: VocabularyName): TermResolutionResult[] {
    return terms.map((input) =>
      this.resolutions.get(`${vocabulary ?? '*'}\u0000${input}`, () =>
        vocabulary === undefined
          ? this.resolveAnywhere(input)
          : withVocabulary(vocabulary, vocabularyIndexes[vocabulary].resolve(input)),
      ),
    );
  }

  /**
   * The most confident hit; between equals, a vocabulary whose term the input names exactly ("diagnostics" is the
   * sector's id and only a synonym of a modality), then the first in catalogue order. With no hit, the suggestions
   * of the vocabulary whose best suggestion is closest.
   */
  private resolveAnywhere(input: string): TermResolutionResult {
    let best: ResolvedTermResult | undefined;
    let closest: UnresolvedTermResult | undefined;
    for (const name of VOCABULARY_NAMES) {
      const result = withVocabulary(name, vocabularyIndexes[name].resolve(input));
      if (result.resolved) {
        if (best === undefined || this.outranks(result, best)) best = result;
      } else if ((result.suggestions[0]?.score ?? 0) > (closest?.suggestions[0]?.score ?? 0)) {
        closest = result;
      }
    }
    return best ?? closest ?? { input, vocabulary: null, resolved: false, suggestions: [] };
  }

  private outranks(candidate: ResolvedTermResult, incumbent: ResolvedTermResult): boolean {
    if (candidate.confidence !== incumbent.confidence) return candidate.confidence > incumbent.confidence;
    return (
      namesTermExactly(candidate.input, candidate.vocabulary, candidate.id) &&
      !namesTermExactly(incumbent.input, incumbent.vocabulary, incumbent.id)
    );
  }
}
