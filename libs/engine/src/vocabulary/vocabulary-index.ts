import {
  afterPopulationClause,
  stripBiomarkers,
  stripCjkBiomarkers,
  stripCjkQualifiers,
  stripDiseaseQualifiers,
  truncateAtClause,
  withoutPopulation,
} from './disease-qualifiers.js';
import {
  bagKey,
  cjkLooseKey,
  cjkUnits,
  compactKey,
  compoundOrgan,
  containsCjk,
  diseaseOfAdjective,
  invertCommaSegments,
  isAdjectival,
  isAnatomical,
  isGenericNoun,
  isPathologyNoun,
  isVascularPathologyNoun,
  looseTokens,
  normaliseTokens,
  organNouns,
  organSystem,
  parentheticalVariants,
} from './term-normalisation.js';
import { TermSimilarity, type SimilarTerm, type SimilarityEntry } from './term-similarity.js';
import { VOCABULARIES, VOCABULARY_NAMES } from './vocabularies.js';
import type { TermResolution, TermSuggestion, Vocabulary, VocabularyName, VocabularyTerm } from './vocabulary.types.js';

/*
 * Confidence of each repair an input needed; repairs multiply, so "Advanced Solid Malignancies" (qualifier stripped,
 * then cancer/malignancy merged) lands at 0.95 × 0.9.
 */
const CONFIDENCE = {
  exact: 1,
  inverted: 0.95,
  parenthetical: 0.95,
  qualifiers: 0.95,
  loose: 0.9,
  clause: 0.9,
  bag: 0.85,
  related: 0.85,
  biomarkers: 0.85,
  fuzzy: 0.7,
  // Readings by the phrase's head noun (`headReading`): each names a broader concept than the phrase, never a sibling.
  head: 0.8,
  compound: 0.75,
  organ: 0.75,
} as const;

// A partial match must cover at least half the words, so "cancer pain" can be pain but "oncology drug discovery
// partnerships" is not oncology; its confidence runs from 0.65 (half) towards 0.8.
const MIN_SPAN_COVERAGE = 0.5;
const SPAN_BASE_CONFIDENCE = 0.5;
const SPAN_COVERAGE_WEIGHT = 0.3;

// Keys too short or too common to be found inside longer text: "ALL" the leukaemia is not "all comers".
const MIN_SPAN_KEY_LENGTH = 3;
const MIN_CJK_SPAN_KEY_LENGTH = 2;
const UNSPANNABLE_KEYS: ReadonlySet<string> = new Set(['all']);

// Typo repair ("pancreatc cancer") needs near-identical spelling, the same numbers and a clear winner.
const FUZZY_MIN_DICE = 0.8;
const FUZZY_MIN_MARGIN = 0.08;

const SUGGESTION_LIMIT = 5;
// Nearest spellings considered before the curated ones are moved up.
const SUGGESTION_CANDIDATES = 20;
// Curated terms (kebab-case ids) are the ones reviewers know and pick; among similar spellings they come first.
const CURATED_SUGGESTION_BONUS = 0.1;
const MIN_SUGGESTION_SCORE = 0.15;
const AMBIGUOUS_SUGGESTION_SCORE = 0.9;

/** Ids, labels and Chinese labels win over synonyms when two terms share a key. */
const PRIMARY = 0;
const SYNONYM = 1;

const MAX_VARIANT_DEPTH = 2;

const ONTOLOGY_ID = /^[A-Za-z]+:\S+$/u;

// A phrase right after one of these is negated, so it never names the term on its own.
const NEGATORS: ReadonlySet<string> = new Set(['non', 'not', 'no', 'without', 'free', 'negative']);

// Onset and course words: left beside a disease name ("Acute Stroke", "Idiopathic Parkinson Disease") they narrow it
// without naming another disease, so a phrase match does not lose confidence for leaving them out. They are not
// stripped up front because they are also part of names ("chronic lymphocytic leukaemia").
const SOFT_MODIFIERS: ReadonlySet<string> = new Set(
  [
    'acute',
    'chronic',
    'idiopathic',
    'primary',
    'secondary',
    'familial',
    'sporadic',
    'hereditary',
    'inherited',
    'progressive',
    'early',
    'late',
    'onset',
    'stable',
    'acquired',
    'painful',
    'limited',
    'simple',
    'complex',
  ].flatMap(normaliseTokens),
);

// Words that end a pre-modified noun phrase: after one of them the head is no longer last ("Cancer of the Lung",
// "Pain in Cancer", "Sexual Function and Fertility Disorders"), so a head-noun reading must not drop it.
const CONNECTIVES: ReadonlySet<string> = new Set(
  [
    'of',
    'in',
    'with',
    'without',
    'and',
    'or',
    'for',
    'to',
    'on',
    'at',
    'by',
    'from',
    'after',
    'during',
    'versus',
    'vs',
    'than',
    'as',
  ].flatMap(normaliseTokens),
);

// Word-initial parts that deny or displace what follows: "prehypertension" is not hypertension.
const NEGATING_PREFIXES: readonly string[] = ['non', 'anti', 'pseudo', 'pre', 'un'];
// The known disease word inside a compound must be long enough to be a word of its own ("arthritis", "infection").
// The privative "a-"/"an-" ("analgesia") negates too, but only as the whole prefix ("angiosarcoma" is a sarcoma).
const PRIVATIVE_PREFIXES: ReadonlySet<string> = new Set(['a', 'an']);
const MIN_COMPOUND_HEAD_LENGTH = 7;
const DISORDERED_PREFIXES: readonly string[] = ['mal', 'dys'];
const MIN_DISORDERED_STEM_LENGTH = 5;
const GENERIC_HEADS: readonly string[] = ['disease', 'disorder'].flatMap(normaliseTokens);
const MIN_COMPOUND_PREFIX_LENGTH = 2;

// "<organ> disease", "<organ> system disease", "<organ> tract disease": how the ontology names an organ's diseases.
const ORGAN_CLASS_SHAPES: readonly (readonly string[])[] = [[], ['system'], ['tract']].map((middle) => [
  ...middle.flatMap(normaliseTokens),
  ...normaliseTokens('disease'),
]);

const VASCULAR_DISEASE: readonly string[] = normaliseTokens('vascular disease');

const CLASSED_BEFORE_ORGAN: readonly (readonly string[])[] = ['infection', 'cancer'].map(normaliseTokens);

// A single letter, a number, or an influenza-style subtype code.
const STRAIN_DESIGNATOR = /^(?:[a-z]|\d{1,3}|h\d{1,2}n\d{1,2})$/u;

// Word endings for kinds of pathogen (a species, "-virus", a family, "-viridae"), and the class of their infections.
const PATHOGEN_KINDS: readonly (readonly [string, readonly string[]])[] = (
  [
    ['virus', 'viral infection'],
    ['viridae', 'viral infection'],
    ['bacterium', 'bacterial infection'],
    ['bacteriaceae', 'bacterial infection'],
    ['fungus', 'fungal infection'],
  ] as const
).map(([ending, infection]) => [normaliseTokens(ending).join(''), normaliseTokens(infection)] as const);

// An abbreviation in parentheses ("Primary Immunodeficiency Disorders (PID)") is only trusted on its own when the term
// it names shares a word with the text it abbreviates: PID is also pelvic inflammatory disease.
const ABBREVIATION = /^[A-Za-z0-9-]{2,8}$/u;

interface Match {
  readonly id: string;
  readonly confidence: number;
  /** Found inside a longer phrase; a typo repair of the whole phrase beats it. */
  readonly partial?: boolean;
}

interface KeyEntry {
  priority: number;
  id: string;
  /** Further terms claiming the key at the same priority; the key is then ambiguous. */
  others?: string[];
}

/** Key → term id; a key claimed by two terms at the same priority is ambiguous and resolves to neither. */
class KeyTable {
  private readonly entries = new Map<string, KeyEntry>();

  add(key: string, id: string, priority: number): void {
    if (key === '') return;
    const entry = this.entries.get(key);
    if (entry === undefined) this.entries.set(key, { priority, id });
    else if (priority < entry.priority) {
      entry.priority = priority;
      entry.id = id;
      delete entry.others;
    } else if (priority === entry.priority && entry.id !== id && !(entry.others?.includes(id) ?? false)) {
      (entry.others ??= []).push(id);
    }
  }

  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    return entry === undefined || entry.others !== undefined ? undefined : entry.id;
  }

  ambiguousIds(key: string): readonly string[] {
    const entry = this.entries.get(key);
    return entry?.others === undefined ? [] : [entry.id, ...entry.others];
  }
}

function scaled(match: Match | undefined, factor: number): Match | undefined {
  return match === undefined ? undefined : { ...match, confidence: match.confidence * factor };
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token, index) => token === b[index]);
}

function digitsOf(key: string): string {
  return (key.match(/\d+/gu) ?? []).join(' ');
}

function dedupeAdjacent(tokens: readonly string[]): string[] {
  return tokens.filter((token, index) => token !== tokens[index - 1]);
}

function roundScore(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Lookup structure for one vocabulary: resolves messy partner terms (English or Chinese) to term ids and answers
 * hierarchy and order questions about ids. Built once; every lookup after that is a handful of Map reads.
 */
export class VocabularyIndex {
  private readonly terms = new Map<string, VocabularyTerm>();
  private readonly aliasOf = new Map<string, string>();
  private readonly ancestorIds = new Map<string, readonly string[]>();
  private readonly exact = new KeyTable();
  private readonly compact = new KeyTable();
  private readonly loose = new KeyTable();
  private readonly bag = new KeyTable();
  // Related synonyms are looked up only as the whole (repaired) text, never inside longer text.
  private readonly related = new KeyTable();
  private readonly cjkLoose = new KeyTable();
  private readonly span = new KeyTable();
  private readonly similarity: TermSimilarity;
  // Disease qualifiers ("early", "severe", "II期") are meaningful words in the other vocabularies.
  private readonly stripsDiseaseQualifiers: boolean;

  constructor(readonly vocabulary: Vocabulary) {
    this.stripsDiseaseQualifiers = vocabulary.name === 'therapeuticAreas';
    const similarityEntries = new Map<string, SimilarityEntry>();
    for (const term of vocabulary.terms) {
      if (this.terms.has(term.id)) throw new Error(`Duplicate term id ${term.id} in ${vocabulary.name}`);
      this.terms.set(term.id, term);
      // Ontology ids ("DOID:3908") are found by the exact id lookup; as words they would only add noise.
      const names: readonly (readonly [string, number])[] = [
        ...(ONTOLOGY_ID.test(term.id) ? [] : [[term.id, PRIMARY] as const]),
        [term.label, PRIMARY],
        [term.labelZh, PRIMARY],
        ...term.synonyms.map((synonym) => [synonym, SYNONYM] as const),
      ];
      for (const [name, priority] of names) {
        if (name === '') continue;
        const tokens = normaliseTokens(name);
        const loose = looseTokens(tokens);
        this.addKeys(term.id, tokens, loose, priority);
        const key = tokens.join(' ');
        if (key !== '') similarityEntries.set(`${term.id}\u0000${key}`, { id: term.id, key, words: loose });
      }
      for (const name of term.relatedSynonyms ?? []) {
        const tokens = normaliseTokens(name);
        this.related.add(tokens.join(' '), term.id, SYNONYM);
        this.related.add(looseTokens(tokens).join(' '), term.id, SYNONYM);
      }
    }
    for (const term of vocabulary.terms) {
      for (const alias of term.aliases ?? []) {
        if (this.terms.has(alias) || this.aliasOf.has(alias)) {
          throw new Error(`Alias ${alias} of ${term.id} is already an id in ${vocabulary.name}`);
        }
        this.aliasOf.set(alias, term.id);
      }
    }
    for (const term of vocabulary.terms) this.ancestorIds.set(term.id, this.walkAncestors(term));
    this.similarity = new TermSimilarity([...similarityEntries.values()]);
  }

  /** The term id an id or alias stands for (`DOID:3908` → `non-small-cell-lung-cancer`); undefined if unknown. */
  canonicalId(id: string): string | undefined {
    return this.terms.has(id) ? id : this.aliasOf.get(id);
  }

  /** Every id and alias accepted for terms of this vocabulary. */
  aliases(id: string): readonly string[] {
    return this.get(id)?.aliases ?? [];
  }

  has(id: string): boolean {
    return this.canonicalId(id) !== undefined;
  }

  get(id: string): VocabularyTerm | undefined {
    const canonical = this.canonicalId(id);
    return canonical === undefined ? undefined : this.terms.get(canonical);
  }

  /** Parent, grandparent, … up to the root, as canonical ids; empty for roots and unknown ids. */
  ancestors(id: string): readonly string[] {
    const canonical = this.canonicalId(id);
    return canonical === undefined ? [] : (this.ancestorIds.get(canonical) ?? []);
  }

  isDescendantOrSelf(id: string, ancestorId: string): boolean {
    const canonical = this.canonicalId(id);
    const ancestor = this.canonicalId(ancestorId);
    if (canonical === undefined || ancestor === undefined) return false;
    return canonical === ancestor || this.ancestors(canonical).includes(ancestor);
  }

  /** 0 for a root, 1 for its children, …; -1 for an unknown id. */
  depth(id: string): number {
    return this.has(id) ? this.ancestors(id).length : -1;
  }

  /** Position in an ordered vocabulary; undefined for unordered vocabularies and unknown ids. */
  rank(id: string): number | undefined {
    return this.vocabulary.ordered ? this.get(id)?.rank : undefined;
  }

  /** The term whose id, label or synonym the text is, once case, punctuation and spelling are folded. */
  namedExactly(text: string): string | undefined {
    const direct = this.canonicalId(text.trim());
    if (direct !== undefined) return direct;
    const tokens = normaliseTokens(text);
    return tokens.length === 0 ? undefined : (this.exact.get(tokens.join(' ')) ?? this.compact.get(compactKey(tokens)));
  }

  resolve(input: string): TermResolution {
    const directId = this.canonicalId(input.trim());
    if (directId !== undefined) return this.resolved(input, directId, CONFIDENCE.exact);
    const match = this.bestMatch(input, 0);
    if (match !== undefined && match.partial !== true) return this.resolved(input, match.id, match.confidence);
    const tokens = normaliseTokens(input);
    const nearest = this.similarity.nearest(tokens.join(' '), looseTokens(tokens), SUGGESTION_CANDIDATES);
    // A typo repair is a guess too: it wins over a partial match only when it is the more confident of the two, or
    // when it respells the words one for one into a concept under the one the phrase's head names ("Pancreatc
    // cancer": pancreatic cancer is a cancer), which is the head reading made specific.
    const typo = this.typoRepair(tokens.join(' '), nearest);
    const agrees =
      typo !== undefined &&
      match !== undefined &&
      typo.id !== match.id &&
      this.isDescendantOrSelf(typo.id, match.id) &&
      nearest[0]?.key.split(' ').length === tokens.length;
    // Two readings agreeing is the surer for it: the repair takes the head reading's confidence.
    const repaired = agrees ? { ...typo, confidence: match.confidence } : this.mostConfident([typo, match]);
    if (repaired !== undefined) return this.resolved(input, repaired.id, repaired.confidence);
    return { input, resolved: false, suggestions: this.suggestions(tokens, nearest) };
  }

  private addKeys(id: string, tokens: readonly string[], loose: readonly string[], priority: number): void {
    const compact = compactKey(tokens);
    this.exact.add(tokens.join(' '), id, priority);
    this.compact.add(compact, id, priority);
    if (containsCjk(compact)) {
      this.cjkLoose.add(cjkLooseKey(compact), id, priority);
      if ([...compact].length >= MIN_CJK_SPAN_KEY_LENGTH) this.span.add(cjkLooseKey(compact), id, priority);
      return;
    }
    const looseKey = loose.join(' ');
    this.loose.add(looseKey, id, priority);
    this.bag.add(bagKey(loose), id, priority);
    if (looseKey.length >= MIN_SPAN_KEY_LENGTH && !UNSPANNABLE_KEYS.has(looseKey)) {
      this.span.add(looseKey, id, priority);
    }
  }

  private walkAncestors(term: VocabularyTerm): readonly string[] {
    const chain: string[] = [];
    let parentId = term.parent;
    while (parentId !== undefined) {
      if (parentId === term.id || chain.includes(parentId)) {
        throw new Error(`Cycle through ${term.id} in ${this.vocabulary.name}`);
      }
      const parent = this.terms.get(parentId);
      if (parent === undefined) throw new Error(`Unknown parent ${parentId} of ${term.id} in ${this.vocabulary.name}`);
      chain.push(parentId);
      parentId = parent.parent;
    }
    return chain;
  }

  private resolved(input: string, id: string, confidence: number): TermResolution {
    const term = this.terms.get(id);
    if (term === undefined) throw new Error(`Resolved to unknown id ${id} in ${this.vocabulary.name}`);
    return {
      input,
      resolved: true,
      id,
      label: term.label,
      labelZh: term.labelZh,
      confidence: roundScore(confidence),
    };
  }

  /** Tries the text as written, then its parenthesised and comma-inverted readings, and keeps the best. */
  private bestMatch(text: string, depth: number): Match | undefined {
    const own = this.matchText(text);
    if (own?.confidence === CONFIDENCE.exact || depth >= MAX_VARIANT_DEPTH) return own;
    const candidates = [own];
    const [inner, remainder] = parentheticalVariants(text);
    for (const variant of parentheticalVariants(text)) {
      const match = this.bestMatch(variant, depth + 1);
      const unsupported =
        variant === inner &&
        remainder !== undefined &&
        ABBREVIATION.test(inner) &&
        match !== undefined &&
        !this.sharesWord(match.id, remainder);
      candidates.push(unsupported ? undefined : scaled(match, CONFIDENCE.parenthetical));
    }
    const inverted = invertCommaSegments(text);
    if (inverted !== undefined) candidates.push(scaled(this.bestMatch(inverted, depth + 1), CONFIDENCE.inverted));
    return this.mostConfident(candidates);
  }

  /** Some distinctive word of the term's names appears in the text. */
  private sharesWord(id: string, text: string): boolean {
    const term = this.terms.get(id);
    if (term === undefined) return false;
    const words = new Set(looseTokens(normaliseTokens(text)).filter((word) => !isGenericNoun(word)));
    return [term.label, ...term.synonyms].some((name) =>
      looseTokens(normaliseTokens(name)).some((word) => words.has(word)),
    );
  }

  /** Highest confidence; between equals, the more specific term. */
  private mostConfident(candidates: readonly (Match | undefined)[]): Match | undefined {
    let best: Match | undefined;
    for (const candidate of candidates) {
      if (candidate === undefined) continue;
      const better =
        best === undefined ||
        candidate.confidence > best.confidence + Number.EPSILON ||
        (Math.abs(candidate.confidence - best.confidence) <= Number.EPSILON &&
          this.depth(candidate.id) > this.depth(best.id));
      if (better) best = candidate;
    }
    return best;
  }

  private matchText(text: string): Match | undefined {
    const tokens = normaliseTokens(text);
    if (tokens.length === 0) return undefined;
    const compact = compactKey(tokens);
    return containsCjk(compact) ? this.matchCjk(compact) : this.matchLatin(tokens);
  }

  private lookup(tokens: readonly string[]): Match | undefined {
    const exactId = this.exact.get(tokens.join(' ')) ?? this.compact.get(compactKey(tokens));
    if (exactId !== undefined) return { id: exactId, confidence: CONFIDENCE.exact };
    const loose = looseTokens(tokens);
    const looseId = this.loose.get(loose.join(' '));
    if (looseId !== undefined) return { id: looseId, confidence: CONFIDENCE.loose };
    const bagId = this.bag.get(bagKey(loose));
    if (bagId !== undefined) return { id: bagId, confidence: CONFIDENCE.bag };
    const relatedId = this.related.get(tokens.join(' ')) ?? this.related.get(loose.join(' '));
    return relatedId === undefined ? undefined : { id: relatedId, confidence: CONFIDENCE.related };
  }

  private matchLatin(tokens: readonly string[]): Match | undefined {
    const direct = this.lookup(tokens);
    if (direct !== undefined) return direct;
    const people = withoutPopulation(tokens);
    const adjectiveOf = people.length === 1 ? diseaseOfAdjective(people[0] ?? '') : undefined;
    if (this.stripsDiseaseQualifiers && adjectiveOf !== undefined) {
      const noun = scaled(this.lookup(normaliseTokens(adjectiveOf)), CONFIDENCE.loose);
      if (noun !== undefined) return noun;
    }
    const repairs: readonly (readonly [(tokens: readonly string[]) => string[], number])[] = this
      .stripsDiseaseQualifiers
      ? [
          [afterPopulationClause, CONFIDENCE.qualifiers],
          [stripDiseaseQualifiers, CONFIDENCE.qualifiers],
          [stripBiomarkers, CONFIDENCE.biomarkers],
          [truncateAtClause, CONFIDENCE.clause],
        ]
      : [[truncateAtClause, CONFIDENCE.clause]];
    let working = tokens;
    let factor = 1;
    const stages: (readonly [readonly string[], number])[] = [[working, factor]];
    for (const [repair, confidence] of repairs) {
      const repaired = repair(working);
      if (repaired.length === 0 || sameTokens(repaired, working)) continue;
      // "Disease Management" is not the disease "disease": a repair that leaves only generic nouns names nothing.
      if (repaired.every(isGenericNoun)) return undefined;
      working = repaired;
      factor *= confidence;
      stages.unshift([working, factor]);
      const match = scaled(this.lookup(working), factor);
      if (match !== undefined) return match;
    }
    const span = this.matchSpan(working, factor);
    if (!this.stripsDiseaseQualifiers) return span;
    // The repaired text first; then the text before a repair, since a qualifier can be the head itself ("Wound
    // Infection" loses "infection" with the pathogen words).
    let head: Match | undefined;
    for (const [stage, stageFactor] of stages) {
      head = this.headReading(stage, stageFactor);
      if (head !== undefined) break;
    }
    return this.mostConfident([span, head]);
  }

  /**
   * A broader concept named by the phrase's head. English puts the head noun of a noun phrase last and the words
   * before it narrow it, so a trailing run of words that names a term names a broader concept of the whole phrase
   * ("Neurotrophic Keratitis" is a keratitis, "Peripheral Vascular Diseases" a vascular disease) however few of the
   * words it covers; a span that drops the head has no such guarantee and keeps the coverage rule of `matchSpan`.
   * Failing that, a compound word whose ending is a known disease word (`compoundHead`), then an organ word before a
   * pathology noun (`organReading`).
   */
  private headReading(tokens: readonly string[], factor: number): Match | undefined {
    // A head is a noun: a trailing adjective ("Gait Disorders, Neurologic") means the phrase is inverted or elliptic.
    if (isAdjectival(tokens[tokens.length - 1] ?? '')) return this.organReading(tokens, factor);
    // Only a pre-modified phrase keeps its head last ("Measurement of Zorbitis" is a measurement).
    if (tokens.some((token) => CONNECTIVES.has(token))) return undefined;
    // A vascular lesion of an organ is filed as a vascular disease, not under the lesion's general name.
    if (isVascularPathologyNoun(tokens[tokens.length - 1] ?? '') && tokens.slice(0, -1).some(isAnatomical)) {
      return this.organReading(tokens, factor);
    }
    for (let start = 1; start < tokens.length; start += 1) {
      const dropped = tokens.slice(0, start);
      // After a negator the rest is denied, not narrowed.
      if (NEGATORS.has(dropped[start - 1] ?? '')) break;
      const match = this.headLookup(tokens.slice(start));
      if (match === undefined || !this.inOntology(match)) continue;
      // An organ word left out localises the head: when the organ's class and the head's are different branches
      // ("Bladder Hypersensitivity": bladder disease or allergy?), the phrase has no single broader concept here.
      // Infections and cancers are classed by agent and cell type before organ ("Skin Infection" is an infection).
      const organ =
        dropped.some(isAnatomical) && !this.classedBeforeOrgan(match) ? this.organReading(tokens, factor) : undefined;
      if (
        organ !== undefined &&
        !this.isDescendantOrSelf(match, organ.id) &&
        !this.isDescendantOrSelf(organ.id, match)
      ) {
        return undefined;
      }
      return { id: match, confidence: factor * CONFIDENCE.head, partial: true };
    }
    const pathogen = this.pathogenReading(tokens, factor);
    if (pathogen !== undefined) return pathogen;
    const compound = this.compoundHead(tokens, factor);
    if (compound !== undefined) return compound;
    // "Recurrent Urolithiasis": the organ and the pathology are in one word.
    const organ = compoundOrgan(tokens[tokens.length - 1] ?? '');
    if (organ !== undefined && !tokens.some((token) => NEGATORS.has(token))) {
      return this.organReading([organ, normaliseTokens('disease')[0] ?? ''], factor);
    }
    return this.organReading(tokens, factor);
  }

  /**
   * The term is a Disease Ontology concept (its id or an alias is one), so its place in the hierarchy says what it
   * covers. Curated-only groupings ("Pain", "Rare diseases") are product areas whose extent the ontology does not
   * define: a phrase ending in their name ("Neck Pain") is not thereby one of their diseases.
   */
  private inOntology(id: string): boolean {
    const term = this.terms.get(id);
    return term !== undefined && [term.id, ...(term.aliases ?? [])].some((known) => ONTOLOGY_ID.test(known));
  }

  /** The term is an infection or a cancer, as the vocabulary names those classes. */
  private classedBeforeOrgan(id: string): boolean {
    return CLASSED_BEFORE_ORGAN.some((name) => {
      const classId = this.exactName(name);
      return classId !== undefined && this.isDescendantOrSelf(id, classId);
    });
  }

  /**
   * A term named by the words, which must say more than "disease" or a body part. A lone head word must be a name
   * as written: read through a loose equivalence ("neoplasia" as "cancer") it would be broadened twice.
   */
  private headLookup(words: readonly string[]): string | undefined {
    const loose = looseTokens(words);
    if (loose.every((token) => isGenericNoun(token) || isAnatomical(token))) return undefined;
    return this.exactName(words) ?? (words.length > 1 ? this.loose.get(loose.join(' ')) : undefined);
  }

  /**
   * Medical compounds are head-final too: "osteoarthritis" is an arthritis, "coinfection" an infection. The last word
   * is read as the disease word it ends with, when that is a word of its own and the part before it neither denies
   * nor displaces it ("nonneoplastic", "prehypertension").
   */
  private compoundHead(tokens: readonly string[], factor: number): Match | undefined {
    const word = tokens[tokens.length - 1] ?? '';
    if (tokens.slice(0, -1).some((token) => CONNECTIVES.has(token) || NEGATORS.has(token))) return undefined;
    // "mal-" and "dys-" say the rest is disordered: "malnutrition" is a nutrition disease.
    for (const prefix of DISORDERED_PREFIXES) {
      const rest = word.slice(prefix.length);
      if (!word.startsWith(prefix) || rest.length < MIN_DISORDERED_STEM_LENGTH) continue;
      for (const noun of GENERIC_HEADS) {
        const id = this.exactName([rest, noun]);
        if (id !== undefined && this.inOntology(id))
          return { id, confidence: factor * CONFIDENCE.compound, partial: true };
      }
    }
    for (let cut = MIN_COMPOUND_PREFIX_LENGTH; word.length - cut >= MIN_COMPOUND_HEAD_LENGTH; cut += 1) {
      const prefix = word.slice(0, cut);
      if (NEGATING_PREFIXES.some((negating) => prefix.startsWith(negating))) return undefined;
      if (PRIVATIVE_PREFIXES.has(prefix)) continue;
      const head = word.slice(cut);
      if (!/^\p{L}+$/u.test(head)) continue;
      // The ending must be a disease's own name, not an adjective read through a dropped "disorder" ("neurocognitive").
      const id = this.exactName([...tokens.slice(0, -1), head]) ?? this.exactName([head]);
      if (id !== undefined && this.inOntology(id))
        return { id, confidence: factor * CONFIDENCE.compound, partial: true };
    }
    return undefined;
  }

  /**
   * A pathogen names the infection it causes: a phrase or compound headed by a kind of pathogen with no more specific
   * reading ("H5N1 Virus", "Influenzavirus", "Orthomyxoviridae", "Mycobacterium") names that kind's infections. An
   * adjective before it says what the agent is used as, not what it infects with ("Oncolytic Virus").
   */
  private pathogenReading(tokens: readonly string[], factor: number): Match | undefined {
    // A type or strain designator may follow the pathogen ("Influenzavirus A", "Herpesvirus 6", "… H5N1").
    const named =
      tokens.length > 1 && STRAIN_DESIGNATOR.test(tokens[tokens.length - 1] ?? '') ? tokens.slice(0, -1) : tokens;
    const word = named[named.length - 1] ?? '';
    const kind = PATHOGEN_KINDS.find(([ending]) => word.endsWith(ending));
    if (kind === undefined || tokens.some((token) => NEGATORS.has(token))) return undefined;
    if (named.length > 1 && isAdjectival(named[named.length - 2] ?? '')) return undefined;
    const id = this.exactName(kind[1]);
    return id === undefined || !this.inOntology(id)
      ? undefined
      : { id, confidence: factor * CONFIDENCE.compound, partial: true };
  }

  /** The vocabulary's class of vascular diseases, for a vascular lesion of an organ ("Intracranial Haemorrhage"). */
  private vascularReading(factor: number): Match | undefined {
    const id = this.exactName(VASCULAR_DISEASE);
    return id === undefined ? undefined : { id, confidence: factor * CONFIDENCE.organ, partial: true };
  }

  private exactName(words: readonly string[]): string | undefined {
    return this.exact.get(words.join(' ')) ?? this.compact.get(compactKey(words));
  }

  /**
   * An organ word before a pathology noun the vocabulary does not know ("Bladder Hypersensitivity", "Aortic
   * Calcification") names a disease of that organ, as the ontology classes diseases by the organ they affect: the
   * organ's class ("bladder disease", "urinary system disease") is a broader concept of the phrase. The nearest run
   * of organ words before the head is used, longest first ("bone marrow" before "marrow"), never a word further off.
   */
  private organReading(tokens: readonly string[], factor: number): Match | undefined {
    const head = tokens[tokens.length - 1] ?? '';
    if (tokens.length < 2 || !isPathologyNoun(head)) return undefined;
    if (tokens.some((token) => NEGATORS.has(token) || CONNECTIVES.has(token))) return undefined;
    let end = tokens.length - 2;
    while (end >= 0 && !isAnatomical(tokens[end] ?? '')) end -= 1;
    if (end >= 0 && isVascularPathologyNoun(head)) return this.vascularReading(factor);
    let start = end;
    while (start > 0 && isAnatomical(tokens[start - 1] ?? '')) start -= 1;
    for (let from = start; from <= end && end >= 0; from += 1) {
      const run = tokens.slice(from, end + 1);
      const last = run[run.length - 1] ?? '';
      for (const organ of organNouns(last)) {
        const id = this.organClass([...run.slice(0, -1), organ]);
        if (id !== undefined) return { id, confidence: factor * CONFIDENCE.organ, partial: true };
      }
    }
    // No class for the organ's own diseases: its system's ("Sarcopenia": musculoskeletal system disease).
    const system =
      end < 0
        ? undefined
        : organNouns(tokens[end] ?? '')
            .map(organSystem)
            .find((found) => found);
    const id = system === undefined ? undefined : this.organClass([system]);
    return id === undefined ? undefined : { id, confidence: factor * CONFIDENCE.organ, partial: true };
  }

  /** The vocabulary's class of diseases of an organ or system: "<organ> disease", "… system disease", "… tract …". */
  private organClass(organ: readonly string[]): string | undefined {
    for (const shape of ORGAN_CLASS_SHAPES) {
      const name = [...organ, ...shape];
      const id = this.exact.get(name.join(' ')) ?? this.loose.get(looseTokens(name).join(' '));
      if (id !== undefined) return id;
    }
    return undefined;
  }

  /** Longest run of words that names a term; at equal length the later run, since English puts the head noun last. */
  private matchSpan(tokens: readonly string[], factor: number): Match | undefined {
    const loose = looseTokens(tokens);
    for (let length = loose.length - 1; length >= 1 && length / loose.length >= MIN_SPAN_COVERAGE; length -= 1) {
      for (let start = loose.length - length; start >= 0; start -= 1) {
        // "non-small cell lung cancer" is not small cell lung cancer; "non-squamous" is not squamous.
        if (NEGATORS.has(loose[start - 1] ?? '')) continue;
        const id = this.span.get(dedupeAdjacent(loose.slice(start, start + length)).join(' '));
        if (id !== undefined) {
          const left = [...loose.slice(0, start), ...loose.slice(start + length)];
          const softLeft = left.filter((token) => SOFT_MODIFIERS.has(token)).length;
          return { id, confidence: factor * this.spanConfidence(length / (loose.length - softLeft)), partial: true };
        }
      }
    }
    return undefined;
  }

  private lookupCjk(compact: string): Match | undefined {
    const exactId = this.compact.get(compact);
    if (exactId !== undefined) return { id: exactId, confidence: CONFIDENCE.exact };
    const looseId = this.cjkLoose.get(cjkLooseKey(compact));
    return looseId === undefined ? undefined : { id: looseId, confidence: CONFIDENCE.loose };
  }

  private matchCjk(compact: string): Match | undefined {
    const direct = this.lookupCjk(compact);
    if (direct !== undefined) return direct;
    let working = compact;
    let factor = 1;
    if (this.stripsDiseaseQualifiers) {
      for (const [repair, confidence] of [
        [stripCjkQualifiers, CONFIDENCE.qualifiers],
        [stripCjkBiomarkers, CONFIDENCE.biomarkers],
      ] as const) {
        const repaired = repair(working);
        if (repaired === '' || repaired === working) continue;
        working = repaired;
        factor *= confidence;
        const match = scaled(this.lookupCjk(working), factor);
        if (match !== undefined) return match;
      }
    }
    return this.matchCjkSpan(working, factor);
  }

  /** Chinese has no spaces, so a partial match runs over characters (and whole Latin runs such as "her2"). */
  private matchCjkSpan(compact: string, factor: number): Match | undefined {
    const units = cjkUnits(compact);
    for (let length = units.length - 1; length >= 1 && length / units.length >= MIN_SPAN_COVERAGE; length -= 1) {
      for (let start = units.length - length; start >= 0; start -= 1) {
        const id = this.span.get(cjkLooseKey(units.slice(start, start + length).join('')));
        if (id !== undefined) {
          return { id, confidence: factor * this.spanConfidence(length / units.length), partial: true };
        }
      }
    }
    return undefined;
  }

  private spanConfidence(coverage: number): number {
    return SPAN_BASE_CONFIDENCE + SPAN_COVERAGE_WEIGHT * coverage;
  }

  /** A near-identical spelling of one term, with the same numbers and a clear lead over the runner-up. */
  private typoRepair(key: string, nearest: readonly SimilarTerm[]): Match | undefined {
    const [first, second] = nearest;
    const repairable =
      first !== undefined &&
      !containsCjk(key) &&
      first.dice >= FUZZY_MIN_DICE &&
      digitsOf(first.key) === digitsOf(key) &&
      (second === undefined || first.score - second.score >= FUZZY_MIN_MARGIN);
    return repairable ? { id: first.id, confidence: CONFIDENCE.fuzzy } : undefined;
  }

  /** Terms an ambiguous abbreviation could mean come first, then the nearest spellings. */
  private suggestions(tokens: readonly string[], nearest: readonly SimilarTerm[]): TermSuggestion[] {
    const ambiguous = [
      ...this.exact.ambiguousIds(tokens.join(' ')),
      ...this.compact.ambiguousIds(compactKey(tokens)),
      ...this.loose.ambiguousIds(looseTokens(tokens).join(' ')),
    ];
    const near = nearest
      .filter((candidate) => candidate.score >= MIN_SUGGESTION_SCORE)
      .map(({ id, score }) => ({
        id,
        score: Math.min(1, score + (ONTOLOGY_ID.test(id) ? 0 : CURATED_SUGGESTION_BONUS)),
      }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    const scored = [...ambiguous.map((id) => ({ id, score: AMBIGUOUS_SUGGESTION_SCORE })), ...near];
    const suggestions: TermSuggestion[] = [];
    for (const { id, score } of scored) {
      const term = this.terms.get(id);
      if (term === undefined || suggestions.some((suggestion) => suggestion.id === id)) continue;
      suggestions.push({ id, label: term.label, score: roundScore(score) });
      if (suggestions.length === SUGGESTION_LIMIT) break;
    }
    return suggestions;
  }
}

function lazyIndexes(): Readonly<Record<VocabularyName, VocabularyIndex>> {
  const indexes = {} as Record<VocabularyName, VocabularyIndex>;
  for (const name of VOCABULARY_NAMES) {
    let built: VocabularyIndex | undefined;
    Object.defineProperty(indexes, name, {
      enumerable: true,
      get: () => (built ??= new VocabularyIndex(VOCABULARIES[name])),
    });
  }
  return Object.freeze(indexes);
}

/** One index per vocabulary, built on first use. */
export const vocabularyIndexes: Readonly<Record<VocabularyName, VocabularyIndex>> = lazyIndexes();
