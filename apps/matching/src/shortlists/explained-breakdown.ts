import {
  defaultEngineVocabulary,
  explanationTerms,
  renderExplanation,
  termLabelIn,
  type CriterionName,
  type CriterionScore,
  type EngineVocabularyName,
  type Language,
} from '#engine';

/** A coded term with its label in the answer's language. */
export interface LabelledTerm {
  readonly vocabulary: EngineVocabularyName;
  readonly id: string;
  readonly label: string;
}

/** One criterion of a match as a reader gets it: its explanation in their language, and the terms it names. */
export interface ExplainedCriterion {
  readonly criterion: CriterionName;
  readonly score: number;
  readonly weight: number;
  readonly contribution: number;
  readonly explanation: string;
  readonly terms: readonly LabelledTerm[];
}

/** A breakdown in a language; English explanations are the scorer's own. */
export const explainBreakdown = (breakdown: readonly CriterionScore[], language: Language): ExplainedCriterion[] => {
  const vocab = defaultEngineVocabulary();
  return breakdown.map(({ criterion, score, weight, contribution, explanation, reason }) => ({
    criterion,
    score,
    weight,
    contribution,
    explanation: language === 'en' ? explanation : renderExplanation(reason, language, vocab),
    terms: explanationTerms(reason).map((term) => ({ ...term, label: termLabelIn(vocab, term, language) })),
  }));
};
