import {
  resolveConditionMention,
  resolveTerms,
  vocabularyIndexes,
  type TermResolution,
  type VocabularyName,
} from '#engine';
import { InvalidFieldsError, type FieldProblem } from '#platform';
import { unmappedTerms as unmappedTermsCounter } from './unmapped-terms.metrics.js';

/** The term fields of each element of a list of records (a company's `assets`). */
export interface NestedTermFields<E> {
  readonly each: TermFields<E>;
}

export type TermFieldSpec<V> = VocabularyName | (V extends readonly (infer E)[] ? NestedTermFields<E> : never);

/** Which vocabulary each term field of a resource is resolved against; lists of records name their own fields. */
export type TermFields<T> = { readonly [K in keyof T]?: TermFieldSpec<NonNullable<T[K]>> };

export type ResolutionMode =
  /** REST: an unresolvable term is a 400 naming the field, with suggestions. */
  | 'strict'
  /** Partner events: the record is kept, unresolvable terms become `unmappedTerms`. */
  | 'lenient';

export interface ResolvedTerms<T> {
  readonly values: T;
  readonly unmappedTerms: string[];
}

type TermRecord = Record<string, unknown>;
type AnyTermFields = Readonly<Record<string, VocabularyName | { readonly each: AnyTermFields }>>;

interface Resolution {
  readonly mode: ResolutionMode;
  readonly problems: FieldProblem[];
  readonly unmappedTerms: string[];
}

const unresolvedProblem = (field: string, resolution: TermResolution & { resolved: false }): FieldProblem => ({
  field,
  message: `unknown term "${resolution.input}"`,
  suggestions: resolution.suggestions.map(({ id, label }) => ({ id, label })),
});

const resolveField = (
  raw: string | readonly string[],
  vocabulary: VocabularyName,
  path: string,
  resolution: Resolution,
): string | string[] => {
  const single = typeof raw === 'string';
  const terms: readonly string[] = single ? [raw] : raw;
  const { ids, unresolved } = resolveTerms(vocabulary, terms);
  for (const term of unresolved) {
    if (term.resolved) continue;
    if (resolution.mode === 'strict') {
      resolution.problems.push(unresolvedProblem(single ? path : `${path}[${terms.indexOf(term.input)}]`, term));
    } else {
      resolution.unmappedTerms.push(term.input);
      unmappedTermsCounter.inc({ vocabulary });
    }
  }
  return single ? (ids[0] ?? raw) : ids;
};

const fieldResolvedAgainst = (fields: AnyTermFields, vocabulary: VocabularyName): string | undefined =>
  Object.entries(fields).find(([, spec]) => spec === vocabulary)?.[0];

/**
 * A therapeutic area can name a target ("EGFR-mutant NSCLC", "HER2-positive breast cancer"), as written or in the
 * label of the area it resolves to: those targets join the record's targets field (union, given ones first), so
 * the qualifier is kept and an area written as an id, a Chinese label or a synonym yields the same targets.
 */
const withConditionTargets = (input: TermRecord, values: TermRecord, fields: AnyTermFields): void => {
  const areasField = fieldResolvedAgainst(fields, 'therapeuticAreas');
  const targetsField = fieldResolvedAgainst(fields, 'targets');
  if (areasField === undefined || targetsField === undefined) return;
  const written = input[areasField];
  const resolved = values[areasField];
  if (!Array.isArray(written) || !Array.isArray(resolved)) return;
  const labels = (resolved as string[]).flatMap((id) => vocabularyIndexes.therapeuticAreas.get(id)?.label ?? []);
  const named = [...(written as string[]), ...labels].flatMap((area) => resolveConditionMention(area).targets);
  if (named.length === 0) return;
  const given = values[targetsField];
  values[targetsField] = [...new Set([...(Array.isArray(given) ? (given as string[]) : []), ...named])];
};

const resolveRecord = (input: object, fields: AnyTermFields, prefix: string, resolution: Resolution): TermRecord => {
  const values = { ...input } as TermRecord;
  for (const [field, spec] of Object.entries(fields)) {
    const raw = values[field];
    // Absent (or null) fields are left alone, so partial updates keep what is stored and defaults apply later.
    if (raw === undefined || raw === null) continue;
    values[field] =
      typeof spec === 'string'
        ? resolveField(raw as string | string[], spec, `${prefix}${field}`, resolution)
        : (raw as object[]).map((element, index) =>
            resolveRecord(element, spec.each, `${prefix}${field}[${index}].`, resolution),
          );
  }
  withConditionTargets(input as TermRecord, values, fields);
  return values;
};

/**
 * Replaces every term in `fields` of `input` (ids, English or Chinese labels, synonyms, messy partner text)
 * with vocabulary ids, in nested lists of records too (errors name `assets[2].targets[0]`), and adds the targets
 * that therapeutic-area terms name to the record's targets field. Fields absent from `input` are left alone, so this
 * serves partial updates too.
 */
export const resolveProfileTerms = <T extends object>(
  input: T,
  fields: TermFields<T>,
  mode: ResolutionMode,
): ResolvedTerms<T> => {
  const resolution: Resolution = { mode, problems: [], unmappedTerms: [] };
  const values = resolveRecord(input, fields as AnyTermFields, '', resolution);
  if (resolution.problems.length > 0) {
    throw new InvalidFieldsError('Some terms are not in the vocabulary', resolution.problems);
  }
  return { values: values as T, unmappedTerms: [...new Set(resolution.unmappedTerms)] };
};
