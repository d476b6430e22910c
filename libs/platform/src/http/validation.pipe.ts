import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { type FieldProblem, InvalidFieldsError } from '../errors/domain-error.js';
import { validationProblems } from '../errors/validation-problems.js';
import { rawInputProblem } from './raw-input.js';

/**
 * Rejects unknown fields and names every offending field in the 400 body. Input that class-transformer or Postgres
 * cannot take (NUL characters, nesting deeper than any of our shapes) is refused first, naming the field.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problem = rawInputProblem(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (problem) throw invalid([problem]);
    }
    return super.transform(value, metadata);
  }
}

const invalid = (problems: FieldProblem[]): InvalidFieldsError =>
  new InvalidFieldsError('Request validation failed', problems);

export const createValidationPipe = (): ValidationPipe =>
  new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => invalid(validationProblems(errors)),
  });
