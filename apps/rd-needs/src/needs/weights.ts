import { DEFAULT_WEIGHTS } from '#engine';
import { InvalidFieldsError, type FieldProblem } from '#platform';

const MAX_WEIGHT = 10;

/** Per-need weight overrides may only name the engine's criteria, each a number from 0 to 10. */
export const validateWeights = (weights: Record<string, number> | undefined): void => {
  if (!weights) return;
  const problems: FieldProblem[] = [];
  for (const [criterion, weight] of Object.entries(weights)) {
    if (!Object.hasOwn(DEFAULT_WEIGHTS, criterion)) {
      problems.push({
        field: `weights.${criterion}`,
        message: `unknown criterion; expected one of ${Object.keys(DEFAULT_WEIGHTS).join(', ')}`,
      });
    } else if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) {
      problems.push({ field: `weights.${criterion}`, message: `must be a number from 0 to ${MAX_WEIGHT}` });
    }
  }
  if (problems.length > 0) throw new InvalidFieldsError('Invalid weights', problems);
};
