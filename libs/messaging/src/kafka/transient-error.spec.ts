import { describe, expect, it } from '@jest/globals';
import { isTransientError } from './transient-error.js';

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

  it('does not retry a constraint violation or a plain bug', () => {
    expect(isTransientError(withCode('23505'))).toBe(false);
    expect(isTransientError(new TypeError('x is undefined'))).toBe(false);
  });
});
