import { describe, expect, it } from '@jest/globals';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isTransientError, rejectedValueState } from './transient-error.js';

const withCode = (code: string): Error => Object.assign(new Error('boom'), { code });

describe('isTransientError', () => {
  it.each(['ECONNREFUSED', '57P01', '08006', '40001'])('treats %s as transient', (code) => {
    expect(isTransientError(withCode(code))).toBe(true);
  });

  it('looks through a TypeORM QueryFailedError at its driver error', () => {
    expect(isTransientError(Object.assign(new Error('query failed'), { driverError: withCode('57P03') }))).toBe(true);
  });

  it('treats a database refusing connections for now as transient', () => {
    const refused = Object.assign(new Error('database "parkmatch" is not currently accepting connections'), {
      code: '55000',
    });
    expect(isTransientError(refused)).toBe(true);
  });

  it.each([QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError])(
    'treats a connection released under the transaction (%p) as transient',
    (ReleasedError) => {
      expect(isTransientError(new ReleasedError())).toBe(true);
    },
  );

  it('does not retry a constraint violation or a plain bug', () => {
    expect(isTransientError(withCode('23505'))).toBe(false);
    expect(isTransientError(new TypeError('x is undefined'))).toBe(false);
  });
});

describe('rejectedValueState', () => {
  it.each([
    ['a check violation', '23514'],
    ['a unique violation', '23505'],
    ['NUL in text', '22021'],
    ['invalid input syntax', '22P02'],
    ['a value out of range', '22003'],
  ])('names %s as a value the database rejects', (_name, code) => {
    expect(rejectedValueState(Object.assign(new Error('query failed'), { driverError: withCode(code) }))).toBe(code);
    expect(isTransientError(withCode(code))).toBe(false);
  });

  it.each(['40001', '40P01', '08006', 'ECONNRESET'])('leaves %s to the retries', (code) => {
    expect(rejectedValueState(withCode(code))).toBeUndefined();
    expect(isTransientError(withCode(code))).toBe(true);
  });

  it('has no state for a plain bug', () => {
    expect(rejectedValueState(new TypeError('x is undefined'))).toBeUndefined();
  });
});
