import type { FieldProblem } from '../errors/domain-error.js';
import { fieldPath } from '../errors/validation-problems.js';

/** Deeper than any request shape we accept (an asset's term lists are 3 levels down). */
export const MAX_INPUT_DEPTH = 16;

const NUL = '\u0000';

/**
 * The first part of a parsed body, query or route parameter that must not reach validation or the database: a NUL
 * character in a string or a key (Postgres text cannot hold one) or nesting deeper than MAX_INPUT_DEPTH (which would
 * exhaust the stack of a recursive transformer). Walks iteratively, so any depth is safe to inspect.
 */
export const rawInputProblem = (input: unknown, rootField = ''): FieldProblem | undefined => {
  const pending: { value: unknown; field: string; depth: number }[] = [{ value: input, field: rootField, depth: 0 }];
  while (pending.length > 0) {
    const { value, field, depth } = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return { field: field || '(body)', message: 'must not contain NUL characters' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      return { field: field || '(body)', message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` };
    }
    for (const [key, child] of Object.entries(value)) {
      if (key.includes(NUL)) {
        return { field: field || '(body)', message: 'must not have a key containing NUL characters' };
      }
      pending.push({ value: child, field: fieldPath(field, key), depth: depth + 1 });
    }
  }
  return undefined;
};
