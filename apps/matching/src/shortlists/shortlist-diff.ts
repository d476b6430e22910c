import type { ShortlistEntryChange } from '#contracts';
import type { ShortlistRow } from './shortlists.repository.js';

export interface ShortlistDiff {
  readonly added: ShortlistEntryChange[];
  readonly removed: ShortlistEntryChange[];
  readonly moved: ShortlistEntryChange[];
  /** Rows to write: added and moved ones. */
  readonly upserts: ShortlistRow[];
}

/** What turns `previous` into `next`; an entry counts as moved when its rank, score or eligibility changed. */
export const diffShortlist = (previous: readonly ShortlistRow[], next: readonly ShortlistRow[]): ShortlistDiff => {
  const before = new Map(previous.map((row) => [row.companyId, row]));
  const after = new Set(next.map((row) => row.companyId));
  const added: ShortlistEntryChange[] = [];
  const moved: ShortlistEntryChange[] = [];
  const upserts: ShortlistRow[] = [];
  for (const row of next) {
    const old = before.get(row.companyId);
    if (!old) {
      added.push({ companyId: row.companyId, rank: row.rank, score: row.score });
      upserts.push(row);
    } else if (old.rank !== row.rank || old.score !== row.score || old.eligible !== row.eligible) {
      moved.push({ companyId: row.companyId, rank: row.rank, previousRank: old.rank, score: row.score });
      upserts.push(row);
    }
  }
  const removed = previous
    .filter((row) => !after.has(row.companyId))
    .map((row) => ({ companyId: row.companyId, previousRank: row.rank, score: row.score }));
  return { added, removed, moved, upserts };
};

export const isEmptyDiff = (diff: ShortlistDiff): boolean =>
  diff.added.length === 0 && diff.removed.length === 0 && diff.moved.length === 0;
