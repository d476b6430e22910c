/**
 * Scores are integers in units of 1e-6 until they reach the caller. Integer sums do not depend on evaluation order,
 * so the reference scorer and the packed kernel agree to the last unit instead of to a floating-point epsilon.
 */
export const SCORE_UNITS = 1_000_000;

/** Units a criterion is worth for a need: its weight's share of the weights the need uses. */
export function criterionScale(weight: number, totalWeight: number): number {
  return totalWeight > 0 ? SCORE_UNITS * (weight / totalWeight) : 0;
}

/**
 * The one place a fraction of a criterion becomes units. Both scoring paths call it with the same integers, so
 * they round identically.
 */
export function shareUnits(scale: number, numerator: number, denominator: number): number {
  return denominator > 0 ? Math.round((scale * numerator) / denominator) : 0;
}

export function unitsToScore(units: number): number {
  return units / SCORE_UNITS;
}

/**
 * Units of a match: what the additive criteria earned, capped at a perfect score, then scaled by `keep`, the share
 * left after a sector mismatch (1 when there is none).
 */
export function matchUnits(additiveUnits: number, keep: number): number {
  return Math.round(Math.min(SCORE_UNITS, additiveUnits) * keep);
}
