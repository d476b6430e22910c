import { resolveConditionMention } from '#engine';

/** What the system makes of one free-text condition string. */
export interface ConditionResolution {
  readonly input: string;
  /** Therapeutic-area ids. */
  readonly areas: readonly string[];
  /** Targets-vocabulary ids (HGNC symbols and their variants). */
  readonly targets: readonly string[];
}

/** How the product reads one condition string: the areas profiles store (`resolveTerms`) and the targets it names. */
export function resolveCondition(input: string): ConditionResolution {
  const mention = resolveConditionMention(input);
  return { input, areas: mention.areas.map((area) => area.id), targets: [...new Set(mention.targets)] };
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
