import { describe, expect, it } from '@jest/globals';
import type { MatchItem } from './api.js';
import { filterShortlist, NO_FILTER } from './shortlist-filter.js';

const entry = (companyName: string, score: number, eligible: boolean, unmetRequirements: string[] = []): MatchItem => ({
  companyId: companyName,
  companyName,
  rank: null,
  score,
  eligible,
  breakdown: [],
  unmetRequirements,
});

const shortlist = [
  entry('Helix Oncology', 0.82, true),
  entry('Suzhou Bio CRO', 0.64, false, ['Wuxi co-location']),
  entry('Cambridge Assays', 0.31, true),
];
const names = (matches: MatchItem[]) => matches.map((match) => match.companyName);

describe('filterShortlist', () => {
  it('keeps every entry, in order, without a filter', () => {
    expect(names(filterShortlist(shortlist, NO_FILTER))).toEqual([
      'Helix Oncology',
      'Suzhou Bio CRO',
      'Cambridge Assays',
    ]);
  });

  it('drops ineligible companies when asked for eligible ones only', () => {
    expect(names(filterShortlist(shortlist, { ...NO_FILTER, eligibleOnly: true }))).toEqual([
      'Helix Oncology',
      'Cambridge Assays',
    ]);
  });

  it('keeps scores at or above the minimum', () => {
    expect(names(filterShortlist(shortlist, { ...NO_FILTER, minScore: 0.64 }))).toEqual([
      'Helix Oncology',
      'Suzhou Bio CRO',
    ]);
  });

  it('matches text in names and unmet requirements, ignoring case and surrounding spaces', () => {
    expect(names(filterShortlist(shortlist, { ...NO_FILTER, text: ' helix ' }))).toEqual(['Helix Oncology']);
    expect(names(filterShortlist(shortlist, { ...NO_FILTER, text: 'CO-LOCATION' }))).toEqual(['Suzhou Bio CRO']);
  });

  it('combines the filters', () => {
    expect(names(filterShortlist(shortlist, { eligibleOnly: true, minScore: 0.5, text: 'bio' }))).toEqual([]);
  });
});
