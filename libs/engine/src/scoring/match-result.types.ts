import type { CriterionName } from './criterion-weights.js';
import type { Explanation } from './explanation.js';

export interface CriterionScore {
  readonly criterion: CriterionName;
  /** How well the company does on this criterion alone, in [0, 1]. */
  readonly score: number;
  /** The criterion's share of the need's weights (for sector: the share of the score a mismatch costs). */
  readonly weight: number;
  /** What the criterion adds to the match score; the contributions of a breakdown add up to it. */
  readonly contribution: number;
  /** The explanation in English. */
  readonly explanation: string;
  /** The same explanation as clauses of term ids, for `renderExplanation` in another language. */
  readonly reason: Explanation;
}

export interface MatchResult {
  readonly score: number;
  /** False when the company lacks a must-have; ineligible companies rank below every eligible one. */
  readonly eligible: boolean;
  readonly breakdown: readonly CriterionScore[];
  /** Must-have capability ids the company does not fulfil. */
  readonly unmetRequirements: readonly string[];
}
