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
} from './lexical-relevance.js';
import type { NeedProfile } from './match-profile.types.js';
import { criterionScale } from './score-units.js';

/** The lists a need names its terms in; a plan holds each deduplicated, its nice-to-haves without its must-haves. */
const NEED_LISTS = [
  'therapeuticAreas',
  'targets',
  'modalities',
  'stages',
  'sectors',
  'mustHave',
  'niceToHave',
  'collaborationTypes',
  'offering',
  'preferredPartnerNetworks',
] as const satisfies readonly (keyof NeedProfile)[];

type NeedList = (typeof NEED_LISTS)[number];

/**
 * What a need asks for, deduplicated, with its weights resolved into units per criterion. Both scoring paths start
 * from it so that they cannot disagree about which criteria apply or how much each is worth.
 */
export interface NeedPlan extends Required<Pick<NeedProfile, NeedList>> {
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
 * one, no word can match and lexical relevance does not apply.
 */
export function planNeed(
  need: NeedProfile,
  vocab: EngineVocabulary = defaultEngineVocabulary(),
  corpus: LexicalCorpus = EMPTY_CORPUS,
): NeedPlan {
  const lists = Object.fromEntries(NEED_LISTS.map((list) => [list, distinct(need[list] ?? [])])) as Record<
    NeedList,
    string[]
  >;
  const plan = {
    ...lists,
    niceToHave: lists.niceToHave.filter((id) => !lists.mustHave.includes(id)),
    lexical: lexicalQuery(needQueryTerms(need, vocab), corpus),
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
