export { ALGORITHM_VERSION } from './algorithm-version.js';
export {
  ADDITIVE_CRITERIA,
  CRITERIA,
  DEFAULT_WEIGHTS,
  resolveWeights,
  type AdditiveCriterion,
  type CriterionName,
  type CriterionWeights,
} from './criterion-weights.js';
export {
  ENGINE_VOCABULARY_NAMES,
  createEngineVocabulary,
  defaultEngineVocabulary,
  type EngineVocabulary,
  type EngineVocabularyEntry,
  type EngineVocabularyName,
  type TermHierarchy,
} from './engine-vocabulary.js';
export type { CompanyProfile, EngineAsset, NeedProfile, WuxiCoLocation } from './match-profile.types.js';
export type { CriterionScore, MatchResult } from './match-result.types.js';
export {
  EXPLANATION_TEMPLATES,
  LANGUAGES,
  explanationTerms,
  renderExplanation,
  termLabelIn,
  type Explanation,
  type ExplanationClause,
  type ExplanationKind,
  type Language,
  type TermRef,
} from './explanation.js';
export { planNeed, type NeedPlan } from './need-plan.js';
export { scorePair, scorePlannedPair } from './pair-scorer.js';
export { SCORE_UNITS } from './score-units.js';
export { withAssetTerms } from './company-terms.js';
export { lifeScienceTokens } from './life-science-tokens.js';
export { unstatedCompanyOfferings, unstatedNeedPreferences } from './unstated-profile.js';
export {
  companyDocument,
  lexicalCorpus,
  needQueryTerms,
  populationDocuments,
  type LexicalCorpus,
  type LexicalDocument,
  type PopulationDocuments,
  type QueryTerms,
} from './lexical-relevance.js';
