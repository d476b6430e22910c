import { ValidationPipe } from '@nestjs/common';
import { validationProblems } from '../errors/validation-problems.js';
import { InvalidFieldsError } from '../errors/domain-error.js';

/** Rejects unknown fields and names every offending field in the 400 body. */
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new InvalidFieldsError('Request validation failed', validationProblems(errors)),
  });
