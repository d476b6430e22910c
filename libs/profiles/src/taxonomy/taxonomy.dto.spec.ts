import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { InvalidFieldsError } from '#platform';
import { createValidationPipe } from '#platform';
import { MAX_RESOLVE_TERM_LENGTH, MAX_TERMS_PER_RESOLVE, ResolveTermsDto } from './taxonomy.dto.js';

/** The body through the services' own global pipe, as a request would go. */
const validate = (body: unknown): Promise<ResolveTermsDto> =>
  createValidationPipe().transform(body, { type: 'body', metatype: ResolveTermsDto }) as Promise<ResolveTermsDto>;

const fieldsOf = async (body: unknown): Promise<string[]> => {
  try {
    await validate(body);
  } catch (error) {
    if (error instanceof InvalidFieldsError) return [...new Set(error.errors.map((problem) => problem.field))];
    throw error;
  }
  throw new Error('expected a validation error');
};

describe('ResolveTermsDto', () => {
  it('accepts terms with or without a vocabulary', async () => {
    await expect(validate({ terms: ['NSCLC'] })).resolves.toEqual({ terms: ['NSCLC'] });
    await expect(validate({ terms: ['NSCLC', '肺癌'], vocabulary: 'therapeuticAreas' })).resolves.toBeInstanceOf(
      ResolveTermsDto,
    );
  });

  it('accepts 50 terms of 120 characters', async () => {
    const terms = Array.from({ length: MAX_TERMS_PER_RESOLVE }, () => 'x'.repeat(MAX_RESOLVE_TERM_LENGTH));
    await expect(validate({ terms })).resolves.toBeDefined();
  });

  it.each([
    ['missing terms', {}],
    ['terms not an array', { terms: 'NSCLC' }],
    ['an empty terms array', { terms: [] }],
    ['51 terms', { terms: Array.from({ length: 51 }, () => 'NSCLC') }],
    ['a term of 121 characters', { terms: ['x'.repeat(121)] }],
    ['a non-string term', { terms: ['NSCLC', 42] }],
    ['an empty term', { terms: [''] }],
  ])('names terms for %s', async (_case, body) => {
    await expect(fieldsOf(body)).resolves.toEqual(['terms']);
  });

  it('names vocabulary for an unknown vocabulary', async () => {
    await expect(fieldsOf({ terms: ['NSCLC'], vocabulary: 'diseases' })).resolves.toEqual(['vocabulary']);
  });

  it('rejects fields it does not know', async () => {
    await expect(fieldsOf({ terms: ['NSCLC'], fuzzy: true })).resolves.toEqual(['fuzzy']);
  });
});
