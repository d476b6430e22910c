import { resolveAreaTerms } from './condition-mentions.js';
import { vocabularyIndexes } from './vocabulary-index.js';
import type { UnresolvedTerm, VocabularyName } from './vocabulary.types.js';

/**
 * Resolves a list of inputs into deduplicated ids in input order; inputs that resolve to nothing come back apart.
 * Therapeutic areas are read as conditions (`resolveAreaTerms`: a confidence cut, lists), so what profiles store is
 * what `npm run eval:matching` measures.
 */
export function resolveTerms(
  name: VocabularyName,
  inputs: readonly string[],
): { ids: string[]; unresolved: UnresolvedTerm[] } {
  if (name === 'therapeuticAreas') return resolveAreaTerms(inputs);
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
