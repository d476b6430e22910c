import type { CriterionScore } from '#engine';
import type { MatchItem } from '../../apps/matching/src/shortlists/matches.service.js';

// The shapes matching answers, as the tests read them over HTTP.
export type { MatchItem, NeedMatches } from '../../apps/matching/src/shortlists/matches.service.js';
export type { CompanyMatches, CompanyMatchItem } from '../../apps/matching/src/shortlists/company-matches.service.js';

/** One criterion of a match's breakdown; a missing one fails the test naming the company. */
export const criterion = (item: MatchItem, name: string): CriterionScore => {
  const found = item.breakdown.find((entry) => entry.criterion === name);
  if (!found) throw new Error(`no ${name} in the breakdown of ${item.companyName}`);
  return found;
};
