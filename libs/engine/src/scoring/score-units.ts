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
 * `Math.round(value)` for the non-negative values below 2^52 that scores and lexical contributions take, without the
 * branch V8 compiles `Math.round` into: on data whose fractions fall either side of one half at random, that branch
 * mispredicts half the time and costs the kernel's innermost loop about six times over. Below 0.5 both give 0; from
 * 0.5 up, `value + 0.5` is exact or rounds within its binade without reaching the next integer, so the floor is
 * `Math.round`'s result (ties go up in both). Both scoring paths round through it, as they did through `Math.round`.
 */
export function roundUnits(value: number): number {
  return value < 0.5 ? 0 : Math.floor(value + 0.5);
}

/**
 * The one place a fraction of a criterion becomes units. Both scoring paths call it with the same integers, so
 * they round identically.
 */
export function shareUnits(scale: number, numerator: number, denominator: number): number {
  return denominator > 0 ? roundUnits((scale * numerator) / denominator) : 0;
}

export function unitsToScore(units: number): number {
  return units / SCORE_UNITS;
}

/**
 * Units of a match: what the additive criteria earned, capped at a perfect score, then scaled by `keep`, the share
 * left after a sector mismatch (1 when there is none).
 */
export function matchUnits(additiveUnits: number, keep: number): number {
  return roundUnits(Math.min(SCORE_UNITS, additiveUnits) * keep);
}
