import { describe, expect, it } from '@jest/globals';
import { placeCompany, ranked } from './shortlist-placement.js';

/** A stored list of `scores`, companies named a, b, c… in that order. */
const listOf = (...scores: number[]) =>
  ranked(scores.map((score, index) => ({ companyId: String.fromCharCode(97 + index), score, eligible: true })));

const ids = (rows: ReturnType<typeof placeCompany>) =>
  rows === 'rank-in-full' ? rows : rows.map((row) => `${row.rank}:${row.companyId}`);

describe('placeCompany', () => {
  it('puts a newcomer in its place on a list with room', () => {
    expect(ids(placeCompany(listOf(0.9, 0.5), { companyId: 'x', score: 0.7, eligible: true }, false, 3))).toEqual([
      '1:a',
      '2:x',
      '3:b',
    ]);
  });

  it('lets a newcomer push the last one off a full list', () => {
    expect(ids(placeCompany(listOf(0.9, 0.5), { companyId: 'x', score: 0.7, eligible: true }, false, 2))).toEqual([
      '1:a',
      '2:x',
    ]);
  });

  it('keeps a newcomer below the last place of a full list off it', () => {
    expect(ids(placeCompany(listOf(0.9, 0.5), { companyId: 'x', score: 0.1, eligible: true }, false, 2))).toEqual([
      '1:a',
      '2:b',
    ]);
  });

  it('keeps off a company with a zero score or a standing decline', () => {
    expect(ids(placeCompany(listOf(0.9), { companyId: 'x', score: 0, eligible: true }, false, 3))).toEqual(['1:a']);
    expect(ids(placeCompany(listOf(0.9), { companyId: 'x', score: 0.95, eligible: true }, true, 3))).toEqual(['1:a']);
  });

  it('moves a listed company up', () => {
    expect(ids(placeCompany(listOf(0.9, 0.5), { companyId: 'b', score: 0.95, eligible: true }, false, 2))).toEqual([
      '1:b',
      '2:a',
    ]);
  });

  it('ranks eligible companies above ineligible ones whatever their scores', () => {
    expect(ids(placeCompany(listOf(0.5), { companyId: 'x', score: 0.9, eligible: false }, false, 3))).toEqual([
      '1:a',
      '2:x',
    ]);
  });

  it('takes a listed company off a list with room when it no longer scores or is declined', () => {
    expect(ids(placeCompany(listOf(0.9, 0.5), { companyId: 'a', score: 0, eligible: true }, false, 3))).toEqual([
      '1:b',
    ]);
    expect(ids(placeCompany(listOf(0.9, 0.5), { companyId: 'a', score: 0.9, eligible: true }, true, 3))).toEqual([
      '1:b',
    ]);
  });

  it('moves a company down within a list that has room, since no one outside can overtake it', () => {
    expect(ids(placeCompany(listOf(0.9, 0.5), { companyId: 'a', score: 0.4, eligible: true }, false, 3))).toEqual([
      '1:b',
      '2:a',
    ]);
  });

  it('asks for a full ranking when a listed company sinks within a full list, or off it', () => {
    expect(placeCompany(listOf(0.9, 0.5), { companyId: 'a', score: 0.4, eligible: true }, false, 2)).toBe(
      'rank-in-full',
    );
    expect(placeCompany(listOf(0.9, 0.5), { companyId: 'a', score: 0, eligible: true }, false, 2)).toBe('rank-in-full');
  });
});
