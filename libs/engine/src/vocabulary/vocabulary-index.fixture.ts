import { VocabularyIndex } from './vocabulary-index.js';
import type { VocabularyTerm } from './vocabulary.types.js';

/** A term of an invented vocabulary: no Chinese label, and synonyms only where the test is about them. */
export type InventedTerm = Omit<VocabularyTerm, 'labelZh' | 'synonyms'> & { readonly synonyms?: readonly string[] };

/** An index over a hierarchy of invented diseases, so that only the rules under test can connect an input to a term. */
export function inventedDiseases(terms: readonly InventedTerm[]): VocabularyIndex {
  return new VocabularyIndex({
    name: 'therapeuticAreas',
    version: 'test',
    hierarchical: true,
    ordered: false,
    terms: terms.map((term) => ({ labelZh: '', synonyms: [], ...term })),
  });
}

/** The id `index` resolves an input to, at any confidence; undefined when it resolves to nothing. */
export function resolvedIdIn(index: VocabularyIndex): (input: string) => string | undefined {
  return (input) => {
    const resolution = index.resolve(input);
    return resolution.resolved ? resolution.id : undefined;
  };
}
