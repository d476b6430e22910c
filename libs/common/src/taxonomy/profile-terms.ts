import { resolveTerms, type TermResolution, type VocabularyName } from '#engine';
import { InvalidFieldsError, type FieldProblem } from '../errors/domain-error.js';
import { unmappedTerms as unmappedTermsCounter } from '../metrics/metrics.js';

/** Which vocabulary each term field of a resource is resolved against. */
export type TermFields<T> = { readonly [K in keyof T]?: VocabularyName };

export type ResolutionMode =
  /** REST: an unresolvable term is a 400 naming the field, with suggestions. */
  | 'strict'
  /** Partner events: the record is kept, unresolvable terms become `unmappedTerms`. */
  | 'lenient';

export interface ResolvedTerms<T> {
  readonly values: T;
  readonly unmappedTerms: string[];
}

const unresolvedProblem = (field: string, resolution: TermResolution & { resolved: false }): FieldProblem => ({
  field,
  message: `unknown term "${resolution.input}"`,
  suggestions: resolution.suggestions.map(({ id, label }) => ({ id, label })),
});

/**
 * Replaces every term in `fields` of `input` (ids, English or Chinese labels, synonyms, messy partner text)
 * with vocabulary ids. Fields absent from `input` are left alone, so this serves partial updates too.
 */
export const resolveProfileTerms = <T extends object>(
  input: T,
  fields: TermFields<T>,
  mode: ResolutionMode,
): ResolvedTerms<T> => {
  const values = { ...input } as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const unmappedTerms: string[] = [];
  for (const [field, vocabulary] of Object.entries(fields) as [string, VocabularyName][]) {
    const raw = values[field];
    if (raw === undefined) continue;
    const single = typeof raw === 'string';
    const terms = single ? [raw] : (raw as string[]);
    const { ids, unresolved } = resolveTerms(vocabulary, terms);
    for (const resolution of unresolved) {
      if (resolution.resolved) continue;
      if (mode === 'strict') {
        problems.push(unresolvedProblem(single ? field : `${field}[${terms.indexOf(resolution.input)}]`, resolution));
      } else {
        unmappedTerms.push(resolution.input);
        unmappedTermsCounter.inc({ vocabulary });
      }
    }
    values[field] = single ? (ids[0] ?? raw) : ids;
  }
  if (problems.length > 0) throw new InvalidFieldsError('Some terms are not in the vocabulary', problems);
  return { values: values as T, unmappedTerms: [...new Set(unmappedTerms)] };
};
