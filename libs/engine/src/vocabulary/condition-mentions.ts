import { normaliseTokens } from './term-normalisation.js';
import { vocabularyIndexes, type VocabularyIndex } from './vocabulary-index.js';
import type { TermResolution, TermSuggestion, UnresolvedTerm } from './vocabulary.types.js';

export type ResolvedTerm = Extract<TermResolution, { readonly resolved: true }>;

/** What a free-text condition ("EGFR-mutant NSCLC") names: the diseases it confidently names, and its biomarkers. */
export interface ConditionMention {
  readonly input: string;
  /** One disease; one per part for a list whose every part names one ("Mesothelioma, SCLC, NSCLC"); or none. */
  readonly areas: readonly ResolvedTerm[];
  /** Target ids (HGNC symbols, variants such as `KRAS G12C`), most specific only, in order of appearance. */
  readonly targets: readonly string[];
}

// At or below 0.7 the resolver had to guess (a phrase covering under two thirds of the words, a typo repair): on
// real trial conditions such guesses are wrong more often than right, so the condition names nothing.
const MIN_AREA_CONFIDENCE = 0.71;

// Commas, semicolons, "and", "or", "&" between parts of a list. A comma also inverts one name ("Leukemia, Myeloid,
// Acute"), which the whole-input reading handles first; the list reading applies only when that abstains.
const LIST_SEPARATOR = /\s*[,;，；]\s*|\s+(?:and|or|&)\s+/iu;

// Longest run of words tried as one target name ("programmed death ligand 1").
const MAX_TARGET_WORDS = 6;

// Names this short ("ER", "MET", "RET", "AR") are only targets when written as the capitalised symbol.
const MAX_SYMBOL_ONLY_LENGTH = 3;

// A biomarker stated as absent is not a target of the condition: "HER2-negative", "EGFR wild-type", "non-BRCA".
const NEGATED_AFTER: ReadonlySet<string> = new Set(
  ['negative', 'wild', 'wt', 'null', 'unmutated', 'nonmutated', 'absent'].flatMap(normaliseTokens),
);
const NEGATED_BEFORE: ReadonlySet<string> = new Set(
  ['non', 'no', 'not', 'without', 'absence'].flatMap(normaliseTokens),
);

interface TargetName {
  readonly id: string;
  readonly symbol?: string;
}

class TargetMentionFinder {
  private readonly names = new Map<string, TargetName | null>();

  constructor(
    private readonly targets: VocabularyIndex,
    diseases: VocabularyIndex,
  ) {
    for (const term of targets.vocabulary.terms) {
      for (const name of [term.id, term.label, term.labelZh, ...term.synonyms]) {
        const key = normaliseTokens(name).join(' ');
        // A name that is also a disease ("PAH", "ALL") is read as the disease.
        if (key === '' || diseases.namedExactly(name) !== undefined) continue;
        const symbol = name.trim().length <= MAX_SYMBOL_ONLY_LENGTH ? name.trim() : undefined;
        const known = this.names.get(key);
        if (known === undefined) this.names.set(key, { id: term.id, ...(symbol === undefined ? {} : { symbol }) });
        else if (known !== null && known.id !== term.id) this.names.set(key, null);
      }
    }
  }

  find(input: string): string[] {
    const tokens = normaliseTokens(input);
    const found: string[] = [];
    let index = 0;
    while (index < tokens.length) {
      const match = this.longestAt(tokens, index, input);
      if (match === undefined) {
        index += 1;
        continue;
      }
      const negated =
        NEGATED_BEFORE.has(tokens[index - 1] ?? '') || NEGATED_AFTER.has(tokens[index + match.length] ?? '');
      if (!negated && !found.includes(match.id)) found.push(match.id);
      index += match.length;
    }
    return found.filter((id) => !found.some((other) => other !== id && this.targets.ancestors(other).includes(id)));
  }

  private longestAt(
    tokens: readonly string[],
    start: number,
    input: string,
  ): { id: string; length: number } | undefined {
    for (let length = Math.min(MAX_TARGET_WORDS, tokens.length - start); length >= 1; length -= 1) {
      const name = this.names.get(tokens.slice(start, start + length).join(' '));
      if (name === undefined || name === null) continue;
      if (
        name.symbol !== undefined &&
        !new RegExp(`(^|[^A-Za-z0-9])${escape(name.symbol)}([^A-Za-z0-9]|$)`, 'u').test(input)
      ) {
        continue;
      }
      return { id: name.id, length };
    }
    return undefined;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

let finder: TargetMentionFinder | undefined;

/** Targets and biomarkers a free-text condition or need names, as target ids; negated ones left out. */
export function findTargetMentions(input: string): string[] {
  finder ??= new TargetMentionFinder(vocabularyIndexes.targets, vocabularyIndexes.therapeuticAreas);
  return finder.find(input);
}

/**
 * Reads a free-text condition as partner systems and trial registries write it: the most specific disease it
 * confidently names (or none: "Healthy Volunteers", "Quality of Life", a drug name) plus the targets it names. A
 * list names each of its diseases, but only when every part names one: a part that names nothing ("Osteoarthritis,
 * Knee") says the text is one phrase, not a list.
 */
export function resolveConditionMention(input: string): ConditionMention {
  return { input, areas: readAreas(input).areas, targets: findTargetMentions(input) };
}

/** The confident areas of a condition, and the whole input's own resolution (for suggestions when there are none). */
function readAreas(input: string): { areas: ResolvedTerm[]; whole: TermResolution } {
  const index = vocabularyIndexes.therapeuticAreas;
  const whole = index.resolve(input);
  const parts = input
    .split(LIST_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length > 1) {
    const resolved = parts.map((part) => index.resolve(part));
    // The whole text read as one phrase wins unless every part is read more surely than it: then the text is a list
    // ("Mesothelioma, SCLC, NSCLC"), and a head-noun reading of the whole would keep only its last part.
    const surer = (part: TermResolution): boolean =>
      isConfident(part) && (!whole.resolved || part.confidence > whole.confidence);
    const partial = !isInvertedName(input, parts) && resolved.some(isConfident);
    if ((!isConfident(whole) && (partial || resolved.every(isConfident))) || resolved.every(surer)) {
      return {
        areas: resolved
          .filter(isConfident)
          .filter((area, at, all) => all.findIndex((other) => other.id === area.id) === at),
        whole,
      };
    }
  }
  if (isConfident(whole)) return { areas: [whole], whole };
  const topic = topicOf(input);
  return { areas: topic === undefined ? [] : [topic], whole };
}

// Words after which a condition names what a study looks at, in or around a disease: "CT Images of Internal Hernia".
const TOPIC_CONNECTIVE = /\s+(?:of|in|during|among|after|following)\s+/iu;
const TOPIC_CONFIDENCE = 0.9;
const DENIAL = /\b(?:non|not|no|without|free|negative)\b/iu;

/**
 * The one disease a phrase about something else names in one of its parts ("Incidence of Dry Eye After LASIK"), when
 * the phrase as a whole names none. Two different diseases, or a denial anywhere, and it names none.
 */
function topicOf(input: string): ResolvedTerm | undefined {
  const parts = input.split(TOPIC_CONNECTIVE).filter((part) => part.trim() !== '');
  // Around a comma the text is a list or an inverted name, which `readAreas` has already read.
  if (parts.length < 2 || DENIAL.test(input) || /[,;，；]/u.test(input)) return undefined;
  const index = vocabularyIndexes.therapeuticAreas;
  const named = parts.map((part) => index.resolve(part)).filter(isConfident);
  const [first] = named;
  if (first === undefined || named.some((area) => area.id !== first.id)) return undefined;
  // The rest of the phrase is left unread, as a clause is: the reading is that much less sure.
  return { ...first, confidence: Math.round(first.confidence * TOPIC_CONFIDENCE * 100) / 100 };
}

// Two parts around one comma are as often one inverted name ("Gait Disorders, Neurologic") as a list.
function isInvertedName(input: string, parts: readonly string[]): boolean {
  return parts.length === 2 && /^[^,;，；]*[,，][^,;，；]*$/u.test(input) && !/\s(?:and|or|&)\s/iu.test(input);
}

function isConfident(resolution: TermResolution): resolution is ResolvedTerm {
  return resolution.resolved && resolution.confidence >= MIN_AREA_CONFIDENCE;
}

/**
 * Therapeutic areas as profiles are written: each input through `resolveConditionMention`, so a write keeps what
 * the evaluation measures. An input naming no disease confidently comes back unresolved, its guess (if any) first
 * among the suggestions.
 */
export function resolveAreaTerms(inputs: readonly string[]): { ids: string[]; unresolved: UnresolvedTerm[] } {
  const ids = new Set<string>();
  const unresolved: UnresolvedTerm[] = [];
  for (const input of inputs) {
    const { areas, whole } = readAreas(input);
    if (areas.length > 0) {
      areas.forEach((area) => ids.add(area.id));
      continue;
    }
    const suggestions: TermSuggestion[] = whole.resolved
      ? [{ id: whole.id, label: whole.label, score: whole.confidence }]
      : [...whole.suggestions];
    unresolved.push({ input, resolved: false, suggestions });
  }
  return { ids: [...ids], unresolved };
}
