/*
 * Scores term resolution against hand judgements. A resolved disease fits an expected one when it is that concept or
 * an ancestor of it in the shipped hierarchy, or when it is a curated-only concept (no DOID id) lying below it: the
 * judges could only name DOID concepts, so for a disease finer than the ontology they named the nearest broader one.
 * A resolved target fits when it is the expected gene or an ancestor, or a variant of the expected gene (judges name
 * HGNC symbols only, so "MET Gene Amplification" is judged MET). Coverage and precision both use these fits.
 */
import { readFileSync } from 'node:fs';
import { vocabularyIndexes, type VocabularyIndex } from '#engine';
import type { ConditionResolution } from './condition-resolution.js';

/** What a curator maps one condition string to (test/data/ctgov-sample/condition-judgements.json). */
export interface ConditionJudgement {
  readonly input: string;
  /** Human Disease Ontology ids. */
  readonly diseases: readonly string[];
  /** HGNC gene symbols. */
  readonly targets: readonly string[];
}

export interface JudgementFile {
  readonly version: string;
  readonly source: string;
  readonly rules: string | readonly string[];
  readonly judgements: readonly ConditionJudgement[];
}

export function loadJudgements(path: string): JudgementFile {
  const file = JSON.parse(readFileSync(path, 'utf8')) as JudgementFile;
  if (!Array.isArray(file.judgements)) throw new Error(`${path} has no judgements list.`);
  return file;
}

/** How the expected ids of one kind (diseases, targets) meet its shipped vocabulary. */
export interface ConceptKind {
  /** The shipped id for an expected id (a disease id, a gene symbol), if the vocabulary knows it. */
  readonly canonical: (expected: string) => string | undefined;
  /** `resolved` is `expected` or one of its ancestors in the shipped hierarchy (both shipped ids). */
  readonly covers: (resolved: string, expected: string) => boolean;
  /**
   * The shipped term is finer than anything the judges could name, so it also fits below an expected one: a disease
   * with no ontology id of its own or as an alias (a curated concept), a target that is a variant or alteration of a
   * gene ("KRAS G12C", "MET amplification") rather than a symbol.
   */
  readonly finerThanJudged: (resolved: string) => boolean;
}

/** How expected ids meet the shipped vocabularies. */
export interface ConceptSpace {
  readonly diseases: ConceptKind;
  readonly targets: ConceptKind;
}

/** An HGNC-style symbol: capitals, digits and hyphens, no spaces ("ERBB2", "HLA-A"). */
const GENE_SYMBOL = /^[A-Z][A-Z0-9-]*$/;

/** Canonicalises through the index's own alias support (an exact resolution) or a term's ontology cross-references. */
function canonicaliser(index: VocabularyIndex): (id: string) => string | undefined {
  const byXref = new Map<string, string>();
  for (const term of index.vocabulary.terms)
    for (const xref of term.xrefs ?? []) byXref.set(xref.toUpperCase(), term.id);
  return (id) => {
    if (index.has(id)) return id;
    const resolution = index.resolve(id);
    if (resolution.resolved && resolution.confidence === 1) return resolution.id;
    return byXref.get(id.toUpperCase());
  };
}

const ONTOLOGY_ID_PREFIX = 'DOID:';

const conceptKind = (index: VocabularyIndex, finerThanJudged: (resolved: string) => boolean): ConceptKind => ({
  canonical: canonicaliser(index),
  covers: (resolved, expected) => index.isDescendantOrSelf(expected, resolved),
  finerThanJudged,
});

export function engineConceptSpace(): ConceptSpace {
  const areas = vocabularyIndexes.therapeuticAreas;
  return {
    diseases: conceptKind(areas, (resolved) => {
      const term = areas.get(resolved);
      return term !== undefined && ![term.id, ...(term.aliases ?? [])].some((id) => id.startsWith(ONTOLOGY_ID_PREFIX));
    }),
    targets: conceptKind(vocabularyIndexes.targets, (resolved) => !GENE_SYMBOL.test(resolved)),
  };
}

export interface JudgedResolution {
  readonly input: string;
  readonly expected: readonly string[];
  readonly got: readonly string[];
}

export interface TermResolutionReport {
  readonly judgementsVersion: string;
  readonly strings: number;
  /** Among strings with an expected disease or target: resolved to a concept that fits one (as for precision). */
  readonly coverage: { readonly expected: number; readonly hits: number; readonly share: number };
  /**
   * Among strings resolved to anything: every resolved concept is expected or an ancestor of an expected one, or is a
   * curated-only concept (no DOID id) below an expected one: judges name only DOID concepts, so for a disease finer
   * than the ontology they name its nearest broader DOID concept (the judgement rules), and a resolution to the finer
   * curated concept under it is right.
   */
  readonly precision: { readonly resolved: number; readonly correct: number; readonly share: number };
  /** Share of expected ids the shipped vocabularies can represent at all: a ceiling on coverage. */
  readonly expectedIdsKnown: number;
  readonly misses: readonly JudgedResolution[];
  readonly errors: readonly JudgedResolution[];
}

export function scoreTermResolution(
  file: JudgementFile,
  resolve: (input: string) => ConditionResolution,
  concepts: ConceptSpace,
): TermResolutionReport {
  const coverage = { expected: 0, hits: 0 };
  const precision = { resolved: 0, correct: 0 };
  let expectedIds = 0;
  let knownIds = 0;
  const misses: JudgedResolution[] = [];
  const errors: JudgedResolution[] = [];

  for (const judgement of file.judgements) {
    const resolution = resolve(judgement.input);
    const diseases = canonicalAll(judgement.diseases, concepts.diseases);
    const targets = canonicalAll(judgement.targets, concepts.targets);
    expectedIds += judgement.diseases.length + judgement.targets.length;
    knownIds += diseases.length + targets.length;

    const areaFits = fitsOneOf(diseases, concepts.diseases);
    const targetFits = fitsOneOf(targets, concepts.targets);
    const judged: JudgedResolution = {
      input: judgement.input,
      expected: [...judgement.diseases, ...judgement.targets],
      got: [...resolution.areas, ...resolution.targets],
    };

    if (judged.expected.length > 0) {
      coverage.expected++;
      if (resolution.areas.some(areaFits) || resolution.targets.some(targetFits)) coverage.hits++;
      else misses.push(judged);
    }
    if (judged.got.length > 0) {
      precision.resolved++;
      if (resolution.areas.every(areaFits) && resolution.targets.every(targetFits)) precision.correct++;
      else errors.push(judged);
    }
  }

  return {
    judgementsVersion: file.version,
    strings: file.judgements.length,
    coverage: { ...coverage, share: ratio(coverage.hits, coverage.expected) },
    precision: { ...precision, share: ratio(precision.correct, precision.resolved) },
    expectedIdsKnown: ratio(knownIds, expectedIds),
    misses,
    errors,
  };
}

/** Whether a resolved concept fits one of the expected ones: it is one or an ancestor, or finer and below one. */
function fitsOneOf(expectedIds: readonly string[], kind: ConceptKind): (resolved: string) => boolean {
  return (resolved) =>
    expectedIds.some(
      (expected) =>
        kind.covers(resolved, expected) || (kind.finerThanJudged(resolved) && kind.covers(expected, resolved)),
    );
}

function canonicalAll(ids: readonly string[], kind: ConceptKind): string[] {
  return ids.flatMap((id) => {
    const known = kind.canonical(id);
    return known === undefined ? [] : [known];
  });
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
