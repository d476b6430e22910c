export type CriterionName =
  | 'therapeuticArea'
  | 'focus'
  | 'modality'
  | 'developmentStage'
  | 'capability'
  | 'collaborationType'
  | 'reciprocity'
  | 'geography'
  | 'partnerNetwork'
  | 'textRelevance'
  | 'sector';

export type CriterionWeights = Record<CriterionName, number>;

/** Criteria whose contributions add up to the score, in breakdown order. */
export const ADDITIVE_CRITERIA = [
  'therapeuticArea',
  'focus',
  'modality',
  'developmentStage',
  'capability',
  'collaborationType',
  'reciprocity',
  'geography',
  'partnerNetwork',
  'textRelevance',
] as const satisfies readonly CriterionName[];

export type AdditiveCriterion = (typeof ADDITIVE_CRITERIA)[number];

/** Every criterion in breakdown order; sector comes last because it scales what the others add up to. */
export const CRITERIA: readonly CriterionName[] = [...ADDITIVE_CRITERIA, 'sector'];

/**
 * Additive weights sum to 1 but are renormalised over the criteria a need actually uses, so only their ratios
 * matter. `sector` is not additive: it is the share of the score a company outside every sector of the need loses.
 */
export const DEFAULT_WEIGHTS: CriterionWeights = Object.freeze({
  therapeuticArea: 0.24,
  focus: 0.06,
  modality: 0.12,
  developmentStage: 0.12,
  capability: 0.16,
  collaborationType: 0.08,
  reciprocity: 0.08,
  geography: 0.06,
  partnerNetwork: 0.04,
  textRelevance: 0.04,
  sector: 0.5,
});

/** Overrides that are not finite non-negative numbers fall back to the default rather than poison every score. */
export function resolveWeights(overrides: Partial<CriterionWeights> | undefined): CriterionWeights {
  const weights = { ...DEFAULT_WEIGHTS };
  if (overrides === undefined) return weights;
  for (const criterion of CRITERIA) {
    const value = overrides[criterion];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) weights[criterion] = value;
  }
  weights.sector = Math.min(weights.sector, 1);
  return weights;
}
