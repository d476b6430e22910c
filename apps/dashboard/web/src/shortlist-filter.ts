import type { MatchItem } from './api.js';

export interface ShortlistFilter {
  readonly eligibleOnly: boolean;
  /** 0 to 1, as scores are. */
  readonly minScore: number;
  /** Matched, case-insensitively, against the company's name and its unmet requirements. */
  readonly text: string;
}

export const NO_FILTER: ShortlistFilter = { eligibleOnly: false, minScore: 0, text: '' };

/** The shortlist's entries the filter lets through, in their order. */
export const filterShortlist = (matches: readonly MatchItem[], filter: ShortlistFilter): MatchItem[] => {
  const text = filter.text.trim().toLowerCase();
  return matches.filter(
    (match) =>
      (!filter.eligibleOnly || match.eligible) &&
      match.score >= filter.minScore &&
      (text === '' ||
        match.companyName.toLowerCase().includes(text) ||
        match.unmetRequirements.some((requirement) => requirement.toLowerCase().includes(text))),
  );
};
