/** Criteria whose contributions add up to the score, in breakdown order. */
export const ADDITIVE_CRITERIA = [
  'therapeuticArea',
  'focus',
  'target',
  'modality',
  'developmentStage',
  'capability',
  'collaborationType',
  'reciprocity',
  'geography',
  'partnerNetwork',
  'textRelevance',
] as const;

export type AdditiveCriterion = (typeof ADDITIVE_CRITERIA)[number];

export type CriterionName = AdditiveCriterion | 'sector';

export type CriterionWeights = Record<CriterionName, number>;

/** Every criterion in breakdown order; sector comes last because it scales what the others add up to. */
export const CRITERIA: readonly CriterionName[] = [...ADDITIVE_CRITERIA, 'sector'];

/**
 * Additive weights sum to 1 but are renormalised over the criteria a need actually uses, so only their ratios
 * matter. They were chosen on real data (`npm run eval:calibrate`, docs/matching-quality.md): cross-validated, every
 * held-out fold chose lexical relevance alone over any grid weight for area, focus, target and stage, since coded
 * areas and targets already take part in it as concept tokens, weighed by how rare they are. So lexical relevance
 * leads at 0.8. The coded criteria keep small weights (0.062 together, a quarter of their old share): they order
 * companies that text cannot tell apart (a narrower area fully, a broader one in part, a sibling barely), and an
 * exact area still outweighs a co-location preference; focus barely counts, so a large organisation with an exact
 * match is not buried under narrow ones. The criteria registrations do not exercise (modality, capability,
 * collaboration, reciprocity, geography, partner networks) keep their old ratio to lexical relevance. `sector` is
 * not additive: it is the share of the score a company outside every sector of the need loses.
 */
export const DEFAULT_WEIGHTS: CriterionWeights = Object.freeze({
  therapeuticArea: 0.03,
  focus: 0.002,
  target: 0.02,
  modality: 0.03,
  developmentStage: 0.01,
  capability: 0.043,
  collaborationType: 0.02,
  reciprocity: 0.02,
  geography: 0.015,
  partnerNetwork: 0.01,
  textRelevance: 0.8,
  sector: 0.85,
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
