import { describe, expect, it } from '@jest/globals';
import { DEFAULT_WEIGHTS } from '#engine';
import { InvalidFieldsError } from '#platform';
import { validateWeights } from './weights.js';

const criterion = Object.keys(DEFAULT_WEIGHTS)[0]!;

describe('per-need weights', () => {
  it('accepts none, and any of the engine’s criteria weighted from 0 to 10', () => {
    expect(() => validateWeights(undefined)).not.toThrow();
    expect(() => validateWeights({ [criterion]: 0 })).not.toThrow();
    expect(() => validateWeights({ [criterion]: 10 })).not.toThrow();
  });

  it('names every unknown criterion and every weight out of range at once', () => {
    let error: unknown;
    try {
      validateWeights({ telepathy: 1, [criterion]: 11 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidFieldsError);
    expect((error as InvalidFieldsError).errors.map((problem) => problem.field)).toEqual([
      'weights.telepathy',
      `weights.${criterion}`,
    ]);
  });

  it('refuses a weight that is not a finite number', () => {
    expect(() => validateWeights({ [criterion]: Number.NaN })).toThrow(InvalidFieldsError);
    expect(() => validateWeights({ [criterion]: -1 })).toThrow(InvalidFieldsError);
  });
});
