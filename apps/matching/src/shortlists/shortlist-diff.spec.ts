import { describe, expect, it } from '@jest/globals';
import { diffShortlist, isEmptyDiff } from './shortlist-diff.js';

const row = (companyId: string, rank: number, score: number, eligible = true) => ({ companyId, rank, score, eligible });

describe('diffShortlist', () => {
  it('finds nothing to do for an identical shortlist', () => {
    const rows = [row('a', 1, 0.9), row('b', 2, 0.8)];
    const diff = diffShortlist(
      rows,
      rows.map((r) => ({ ...r })),
    );
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.upserts).toEqual([]);
  });

  it('reports added, removed and moved entries and writes only added and moved rows', () => {
    const diff = diffShortlist(
      [row('a', 1, 0.9), row('b', 2, 0.8), row('c', 3, 0.7)],
      [row('b', 1, 0.95), row('c', 2, 0.7), row('d', 3, 0.6)],
    );
    expect(diff.added).toEqual([{ companyId: 'd', rank: 3, score: 0.6 }]);
    expect(diff.removed).toEqual([{ companyId: 'a', previousRank: 1, score: 0.9 }]);
    expect(diff.moved.map((change) => [change.companyId, change.previousRank, change.rank])).toEqual([
      ['b', 2, 1],
      ['c', 3, 2],
    ]);
    expect(diff.upserts.map((r) => r.companyId)).toEqual(['b', 'c', 'd']);
  });

  it('treats a change of eligibility at the same rank and score as a move', () => {
    const diff = diffShortlist([row('a', 1, 0.5, true)], [row('a', 1, 0.5, false)]);
    expect(diff.moved).toHaveLength(1);
  });
});
