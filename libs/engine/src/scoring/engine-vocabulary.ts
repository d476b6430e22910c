import { VOCABULARIES, VOCABULARY_VERSION } from '../vocabulary/vocabularies.js';
import { VocabularyIndex, vocabularyIndexes } from '../vocabulary/vocabulary-index.js';
import type { Vocabulary, VocabularyName, VocabularyTerm } from '../vocabulary/vocabulary.types.js';

/** The vocabularies a profile field is coded in; organisation types do not take part in matching. */
export const ENGINE_VOCABULARY_NAMES = [
  'sectors',
  'capabilities',
  'therapeuticAreas',
  'targets',
  'modalities',
  'developmentStages',
  'collaborationTypes',
  'offerings',
  'partnerNetworks',
] as const satisfies readonly VocabularyName[];

export type EngineVocabularyName = (typeof ENGINE_VOCABULARY_NAMES)[number];

/** What scoring asks of a vocabulary index; `VocabularyIndex` provides it. */
export interface TermHierarchy {
  get(id: string): VocabularyTerm | undefined;
  has(id: string): boolean;
  /** Nearest first, without the term itself. */
  ancestors(id: string): readonly string[];
  isDescendantOrSelf(id: string, ancestorId: string): boolean;
  rank(id: string): number | undefined;
  /** The term an id stands for when it is an alias; the id itself for a term; undefined for unknown ids. */
  canonicalId?(id: string): string | undefined;
}

export interface EngineVocabularyEntry {
  readonly vocabulary: Vocabulary;
  readonly hierarchy: TermHierarchy;
}

/**
 * The vocabulary context both scoring paths run against. It is an argument rather than a module import so that
 * tests can score against small fixture hierarchies.
 */
export interface EngineVocabulary {
  readonly version: string;
  readonly entries: Readonly<Record<EngineVocabularyName, EngineVocabularyEntry>>;
}

export function createEngineVocabulary(
  vocabularies: Readonly<Record<EngineVocabularyName, Vocabulary>>,
  version = ENGINE_VOCABULARY_NAMES.map((name) => `${name}@${vocabularies[name].version}`).join(','),
): EngineVocabulary {
  const entries = {} as Record<EngineVocabularyName, EngineVocabularyEntry>;
  for (const name of ENGINE_VOCABULARY_NAMES) {
    const vocabulary = vocabularies[name];
    entries[name] = { vocabulary, hierarchy: new VocabularyIndex(vocabulary) };
  }
  return { version, entries };
}

/**
 * One value per vocabulary of an engine vocabulary, built on first use and kept while the engine vocabulary lives:
 * what compiling a population derives from a vocabulary is the same for every profile.
 */
export function perVocabulary<T>(
  build: (vocab: EngineVocabulary, name: EngineVocabularyName) => T,
): (vocab: EngineVocabulary, name: EngineVocabularyName) => T {
  const built = new WeakMap<EngineVocabulary, Map<EngineVocabularyName, T>>();
  return (vocab, name) => {
    let byName = built.get(vocab);
    if (byName === undefined) {
      byName = new Map();
      built.set(vocab, byName);
    }
    if (!byName.has(name)) byName.set(name, build(vocab, name));
    return byName.get(name) as T;
  };
}

let defaultVocabulary: EngineVocabulary | undefined;

/** The real vocabularies, built on first use so that importing the engine costs nothing. */
export function defaultEngineVocabulary(): EngineVocabulary {
  if (defaultVocabulary === undefined) {
    const entries = {} as Record<EngineVocabularyName, EngineVocabularyEntry>;
    for (const name of ENGINE_VOCABULARY_NAMES) {
      entries[name] = { vocabulary: VOCABULARIES[name], hierarchy: vocabularyIndexes[name] };
    }
    defaultVocabulary = { version: VOCABULARY_VERSION, entries };
  }
  return defaultVocabulary;
}

export function termLabel(vocab: EngineVocabulary, name: EngineVocabularyName, id: string): string {
  return vocab.entries[name].hierarchy.get(id)?.label ?? id;
}
