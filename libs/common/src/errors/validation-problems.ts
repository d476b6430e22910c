import type { ValidationError } from 'class-validator';
import type { FieldProblem } from './domain-error.js';

/** Flattens class-validator errors into one problem per failed constraint, each naming its field path. */
export const validationProblems = (errors: readonly ValidationError[], prefix = ''): FieldProblem[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationProblems(error.children ?? [], field)];
  });

export const describeProblems = (problems: readonly FieldProblem[]): string =>
  problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
