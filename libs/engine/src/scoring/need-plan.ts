import {
  ADDITIVE_CRITERIA,
  resolveWeights,
  type AdditiveCriterion,
  type CriterionWeights,
} from './criterion-weights.js';
import { defaultEngineVocabulary, type EngineVocabulary } from './engine-vocabulary.js';
import {
  lexicalCorpus,
  lexicalQuery,
  needQueryTerms,
  type LexicalCorpus,
  type LexicalQuery,
  type QueryTerms,
} from './lexical-relevance.js';
import type { NeedProfile } from './match-profile.types.js';
import { criterionScale } from './score-units.js';

/** Every term list a need names; `unmappedTerms` is free text, read only through the lexical query. */
type NeedTermLists = {
  readonly [
    K in Exclude<keyof NeedProfile, 'unmappedTerms'> as NeedProfile[K] extends readonly string[] | undefined ? K : never
  ]-?: readonly string[];
};

/**
 * What a need asks for, deduplicated, with its weights resolved into units per criterion. Both scoring paths start
 * from it so that they cannot disagree about which criteria apply or how much each is worth.
 */
export interface NeedPlan extends NeedTermLists {
  readonly need: NeedProfile;
  /** The words against the population's document frequencies. */
  readonly lexical: LexicalQuery;
  readonly weights: CriterionWeights;
  readonly applicable: Readonly<Record<AdditiveCriterion, boolean>>;
  /** Units a perfect score on the criterion adds; 0 where it does not apply. */
  readonly scales: Readonly<Record<AdditiveCriterion, number>>;
  readonly sectorApplies: boolean;
  /** Share of the score kept by a company outside every sector the need names. */
  readonly sectorKeep: number;
}

export function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

const EMPTY_CORPUS: LexicalCorpus = lexicalCorpus([]);

/**
 * `corpus` is the population the need is ranked against: its document frequencies weigh the need's words. Without
 * one, no word can match and lexical relevance does not apply. `terms`, the need's words, depend on the need and the
 * vocabulary only: a caller planning one need against a changing population passes them to tokenise once.
 */
export function planNeed(
  need: NeedProfile,
  vocab: EngineVocabulary = defaultEngineVocabulary(),
  corpus: LexicalCorpus = EMPTY_CORPUS,
  terms: QueryTerms = needQueryTerms(need, vocab),
): NeedPlan {
  const mustHave = distinct(need.mustHave);
  const plan = {
    therapeuticAreas: distinct(need.therapeuticAreas),
    targets: distinct(need.targets ?? []),
    modalities: distinct(need.modalities),
    stages: distinct(need.stages),
    sectors: distinct(need.sectors),
    mustHave,
    // Nice-to-haves that are not also must-haves.
    niceToHave: distinct(need.niceToHave).filter((id) => !mustHave.includes(id)),
    collaborationTypes: distinct(need.collaborationTypes),
    offering: distinct(need.offering),
    preferredPartnerNetworks: distinct(need.preferredPartnerNetworks),
    lexical: lexicalQuery(terms, corpus),
  };
  const applicable: Record<AdditiveCriterion, boolean> = {
    therapeuticArea: plan.therapeuticAreas.length > 0,
    focus: plan.therapeuticAreas.length > 0,
    target: plan.targets.length > 0,
    modality: plan.modalities.length > 0,
    developmentStage: plan.stages.length > 0,
    capability: plan.mustHave.length + plan.niceToHave.length > 0,
    collaborationType: plan.collaborationTypes.length > 0,
    reciprocity: plan.offering.length > 0,
    geography: need.preferChinaPresence || need.preferWuxiCoLocation,
    partnerNetwork: plan.preferredPartnerNetworks.length > 0,
    textRelevance: plan.lexical.maxScore > 0,
  };
  const weights = resolveWeights(need.weights);
  const totalWeight = ADDITIVE_CRITERIA.reduce((sum, c) => (applicable[c] ? sum + weights[c] : sum), 0);
  const scales = {} as Record<AdditiveCriterion, number>;
  for (const criterion of ADDITIVE_CRITERIA) {
    scales[criterion] = applicable[criterion] ? criterionScale(weights[criterion], totalWeight) : 0;
  }
  const sectorApplies = plan.sectors.length > 0;
  return { need, ...plan, weights, applicable, scales, sectorApplies, sectorKeep: 1 - weights.sector };
}
