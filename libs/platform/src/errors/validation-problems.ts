import type { ValidationError } from 'class-validator';
import type { FieldProblem } from './domain-error.js';

export const fieldPath = (prefix: string, property: string): string => {
  if (/^\d+$/.test(property)) return `${prefix}[${property}]`;
  return prefix ? `${prefix}.${property}` : property;
};

/**
 * Flattens class-validator errors into one problem per failed constraint, each naming its field path the way term
 * errors do (`assets[0].name`).
 */
export const validationProblems = (errors: readonly ValidationError[], prefix = ''): FieldProblem[] =>
  errors.flatMap((error) => {
    const field = fieldPath(prefix, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationProblems(error.children ?? [], field)];
  });

export const describeProblems = (problems: readonly FieldProblem[]): string =>
  problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
