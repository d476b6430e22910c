import { resolveTerms, vocabularyIndexes, type VocabularyName } from '#engine';
import type { TermFieldMap } from './import-file.js';

/** What one written term became: the vocabulary entries it names, or nothing and the closest entries. */
export type TermOutcome =
  | {
      readonly field: string;
      readonly input: string;
      readonly resolved: true;
      readonly terms: readonly { id: string; label: string }[];
    }
  | {
      readonly field: string;
      readonly input: string;
      readonly resolved: false;
      readonly suggestions: readonly { id: string; label: string }[];
    };

const outcomesOf = (field: string, vocabulary: VocabularyName, inputs: readonly string[]): TermOutcome[] =>
  inputs.map((input) => {
    // One input at a time through the writer's own resolution, so the report pairs each input with its ids.
    const { ids, unresolved } = resolveTerms(vocabulary, [input]);
    const [missed] = unresolved;
    if (ids.length === 0 && missed) {
      return {
        field,
        input,
        resolved: false,
        suggestions: missed.suggestions.map(({ id, label }) => ({ id, label })),
      };
    }
    const index = vocabularyIndexes[vocabulary];
    return { field, input, resolved: true, terms: ids.map((id) => ({ id, label: index.get(id)?.label ?? id })) };
  });

/**
 * Every term of a record resolved as the service will resolve it (ids, labels, synonyms, Chinese labels), field by
 * field, nested records named `assets[0].targets`. Fields that are absent or not text are skipped: validation
 * reports them.
 */
export const resolveRecordTerms = (
  record: Readonly<Record<string, unknown>>,
  termFields: TermFieldMap,
  prefix = '',
): TermOutcome[] =>
  Object.entries(termFields).flatMap(([field, spec]) => {
    const value = record[field];
    if (typeof spec !== 'string') {
      if (!Array.isArray(value)) return [];
      return value.flatMap((element: unknown, index) =>
        typeof element === 'object' && element !== null
          ? resolveRecordTerms(element as Record<string, unknown>, spec.each, `${prefix}${field}[${index}].`)
          : [],
      );
    }
    const inputs = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    const terms = inputs.filter((input): input is string => typeof input === 'string' && input.trim() !== '');
    return outcomesOf(`${prefix}${field}`, spec, terms);
  });
