import { compareMatches } from '#engine';
import type { ShortlistRow } from './shortlists.repository.js';

/** One company's fresh score against one need. */
export interface Candidate {
  readonly companyId: string;
  readonly score: number;
  readonly eligible: boolean;
}

/** Ranks 1…n in the order given. */
export const ranked = (rows: readonly Omit<ShortlistRow, 'rank'>[]): ShortlistRow[] =>
  rows.map((row, index) => ({ companyId: row.companyId, score: row.score, eligible: row.eligible, rank: index + 1 }));

/**
 * Where one changed company belongs on a need's top-`size` shortlist, from the stored list alone: it enters, moves
 * or leaves (a zero score or a standing decline keeps it off). When it sinks within a full list, a company outside
 * the list may now deserve its place, which only a ranking of every company can tell: `rank-in-full`.
 */
export const placeCompany = (
  previous: readonly ShortlistRow[],
  candidate: Candidate,
  declined: boolean,
  size: number,
): ShortlistRow[] | 'rank-in-full' => {
  const before = previous.find((row) => row.companyId === candidate.companyId);
  if (before && previous.length >= size && compareMatches(candidate, before) > 0) return 'rank-in-full';
  const others = previous.filter((row) => row.companyId !== candidate.companyId);
  const enters = candidate.score > 0 && !declined;
  return ranked((enters ? [...others, candidate] : others).sort(compareMatches).slice(0, size));
};
