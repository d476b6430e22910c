import type { CompanyMatchItem } from '../../apps/matching/src/shortlists/company-matches.service.js';
import type { ExplainedCriterion } from '../../apps/matching/src/shortlists/explained-breakdown.js';
import type { MatchItem } from '../../apps/matching/src/shortlists/matches.service.js';
import type { ShortlistChange } from '../../apps/matching/src/stream/shortlist-change.js';

// The shapes matching answers, as the tests read them over HTTP.
export type { MatchItem, NeedMatches } from '../../apps/matching/src/shortlists/matches.service.js';
export type { CompanyMatches, CompanyMatchItem } from '../../apps/matching/src/shortlists/company-matches.service.js';

/** One criterion of a match's breakdown; a missing one fails the test naming the company. */
export const criterion = (item: MatchItem, name: string): ExplainedCriterion => {
  const found = item.breakdown.find((entry) => entry.criterion === name);
  if (!found) throw new Error(`no ${name} in the breakdown of ${item.companyName}`);
  return found;
};

/** The fields of a company's match (`GET /companies/:id/matches`), in the order matching answers them. */
export const COMPANY_MATCH_FIELDS = [
  'needId',
  'needTitle',
  'rank',
  'score',
  'eligible',
  'breakdown',
  'unmetRequirements',
] satisfies (keyof CompanyMatchItem)[];

/** The fields of a shortlist change on the stream, in order: the contract's, nothing matching keeps internally. */
export const SHORTLIST_CHANGE_FIELDS = [
  'needId',
  'algorithmVersion',
  'computedAt',
  'added',
  'removed',
  'moved',
  'eventId',
] satisfies (keyof ShortlistChange)[];
