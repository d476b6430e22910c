import * as engine from '#engine';
import { resolveTerms, vocabularyIndexes, type TermResolution, type VocabularyIndex } from '#engine';

/** What the system makes of one free-text condition string. */
export interface ConditionResolution {
  readonly input: string;
  /** Therapeutic-area ids. */
  readonly areas: readonly string[];
  /** Targets-vocabulary ids (HGNC symbols). */
  readonly targets: readonly string[];
}

type ConditionMentionResolver = (input: string) => { area?: TermResolution; targets: readonly string[] };

/*
 * The condition-mention resolver (disease plus the targets a condition names, "EGFR-mutant NSCLC") and the targets
 * vocabulary are landing in the engine while this tool is written. Feature-detected so the eval runs before and after.
 * TODO(lead): once `resolveConditionMention` and the `targets` vocabulary are exported, call them directly.
 */
const conditionMention = (engine as unknown as Record<string, unknown>)['resolveConditionMention'] as
  ConditionMentionResolver | undefined;

export function hasConditionMentionResolver(): boolean {
  return typeof conditionMention === 'function';
}

/** The index of a vocabulary that may not exist yet in this build of the engine. */
export function optionalIndex(name: string): VocabularyIndex | undefined {
  const indexes = vocabularyIndexes as unknown as Record<string, VocabularyIndex | undefined>;
  return name in indexes ? indexes[name] : undefined;
}

/** How the product resolves one condition string: through the condition-mention resolver when there is one. */
export function resolveCondition(input: string): ConditionResolution {
  if (typeof conditionMention === 'function') {
    const mention = conditionMention(input);
    return {
      input,
      areas: mention.area?.resolved === true ? [mention.area.id] : [],
      targets: [...new Set(mention.targets)],
    };
  }
  return { input, areas: resolveTerms('therapeuticAreas', [input]).ids, targets: [] };
}

/** Memoises `resolveCondition`: the same condition strings recur across trials and queries. */
export function cachedConditionResolver(): (input: string) => ConditionResolution {
  const cache = new Map<string, ConditionResolution>();
  return (input) => {
    let resolution = cache.get(input);
    if (resolution === undefined) {
      resolution = resolveCondition(input);
      cache.set(input, resolution);
    }
    return resolution;
  };
}
