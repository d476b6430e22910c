export type CriterionName =
  | 'therapeuticArea'
  | 'focus'
  | 'target'
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
  'target',
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
 * matter. Lexical relevance and the criteria real trial registrations exercise (area, focus, target, stage) were
 * weighed on real data (`npm run eval:calibrate`, docs/matching-quality.md). Held out, lexical relevance alone did
 * best, and coded areas and targets already take part in it as concept tokens; the coded criteria keep 0.16 against
 * its 0.59 because their ordering (a narrower area fully, a broader one in part, a sibling barely) must still show in
 * shortlists filled company by company, where lexical scores drift with the population. The criteria registrations
 * do not exercise (modality, capability, collaboration, reciprocity, geography, partner networks) keep their share of
 * the whole. `sector` is not additive: it is the share of the score a company outside every sector of the need loses.
 */
export const DEFAULT_WEIGHTS: CriterionWeights = Object.freeze({
  therapeuticArea: 0.08,
  focus: 0.02,
  target: 0.03,
  modality: 0.05,
  developmentStage: 0.03,
  capability: 0.07,
  collaborationType: 0.04,
  reciprocity: 0.04,
  geography: 0.03,
  partnerNetwork: 0.02,
  textRelevance: 0.59,
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
