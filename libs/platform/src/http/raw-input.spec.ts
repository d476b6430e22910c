import { describe, expect, it } from '@jest/globals';
import { MAX_INPUT_DEPTH, rawInputProblem } from './raw-input.js';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
};

describe('rawInputProblem', () => {
  it('passes ordinary input', () => {
    expect(rawInputProblem({ name: 'Acme', assets: [{ targets: ['EGFR'] }] })).toBeUndefined();
    expect(rawInputProblem({ limit: '5', q: 'bio' })).toBeUndefined();
    expect(rawInputProblem(undefined)).toBeUndefined();
  });

  it('names the field holding a NUL character, in a value or a key', () => {
    expect(rawInputProblem({ name: 'Ac\u0000me' })).toEqual({ field: 'name', message: expect.stringMatching(/NUL/) });
    expect(rawInputProblem({ assets: [{ codes: ['a', 'b\u0000'] }] })?.field).toBe('assets[0].codes[1]');
    expect(rawInputProblem({ metadata: { 'k\u0000': 1 } })?.field).toBe('metadata');
    expect(rawInputProblem('x\u0000', 'id')?.field).toBe('id');
  });

  it('names the field nested too deep, at any depth without overflowing the stack', () => {
    expect(rawInputProblem({ assets: nested(MAX_INPUT_DEPTH - 2) })).toBeUndefined();
    expect(rawInputProblem({ assets: nested(100_000) })).toEqual({
      field: expect.stringMatching(/^assets(\[0\])+$/),
      message: expect.stringMatching(/nested/),
    });
  });
});
