import {
  defaultEngineVocabulary,
  perVocabulary,
  type EngineVocabulary,
  type EngineVocabularyName,
} from '../scoring/engine-vocabulary.js';
import { WUXI_CO_LOCATIONS, geographyPoints } from '../scoring/geography.js';
import type { NeedProfile } from '../scoring/match-profile.types.js';
import type { LexicalCorpus } from '../scoring/lexical-relevance.js';
import { planNeed, type NeedPlan } from '../scoring/need-plan.js';
import { MUST_HAVE_POINTS, NICE_TO_HAVE_POINTS } from '../scoring/pair-scorer.js';
import { shareUnits } from '../scoring/score-units.js';
import {
  HIERARCHY_CREDIT_SCALE,
  HierarchyCredit,
  STAGE_CREDIT_BY_DISTANCE,
  STAGE_CREDIT_SCALE,
  fulfils,
  hierarchyCredit,
  inSameLineage,
  stageCredit,
  stageDistance,
} from '../scoring/term-relations.js';
import {
  GEOGRAPHY_CODE_COUNT,
  RELATED_BIT,
  SECTOR_BIT,
  SOUGHT_BIT,
  sharedInt32,
  type PackedNeed,
  type PackedNeeds,
} from './packed-profiles.js';
import { termSpaceOf, type TermSpace } from './term-space.js';

const HIERARCHY_LEVELS: readonly number[] = [
  HierarchyCredit.none,
  HierarchyCredit.sibling,
  HierarchyCredit.ancestor,
  HierarchyCredit.parent,
  HierarchyCredit.exact,
];
const STAGE_LEVELS: readonly number[] = [0, ...[...STAGE_CREDIT_BY_DISTANCE].reverse()];

/** Words the split layout uses: word 0 for gate and area fields, word 1 for the rest. */
const SPLIT_WORDS = 2;

interface Field {
  readonly width: 1 | 3 | 4;
  readonly vocabulary: EngineVocabularyName;
  /** Bits a term of `vocabulary` sets in this field; 0 for terms that do not touch it. */
  readonly bitsFor: (term: string) => number;
  /**
   * The only terms whose bits can be non-zero, when they are few: a disease ontology has thousands of terms and a
   * need term touches only its own lineage. Absent: every term of the vocabulary is asked.
   */
  readonly candidates?: () => Iterable<string>;
  /** Units by field value. */
  readonly unitsFor: (value: number) => number;
  readonly mustHave?: boolean;
}

interface PlacedField extends Field {
  readonly word: number;
  readonly shift: number;
}

/**
 * A compiled need turns each company term into bits: the kernel ORs a company's bits together and reads its score
 * from the result byte by byte.
 *
 * - Hierarchy fit (therapeutic areas, modalities): one 4-bit field per need term holding the best credit seen as a
 *   thermometer code (level n = n low bits set), so OR keeps the maximum.
 * - Development stage: one 3-bit thermometer field, nibble-aligned, for the nearest company stage.
 * - Capabilities, collaboration types: one bit per need term; partner networks: one bit for any preferred network.
 * - Sector: bit 31 of word 0, which scales the score instead of adding to it.
 *
 * Fields never straddle a byte, and each field's units are fixed per need, so a 256-entry table per byte turns the
 * OR-ed words into units with one lookup per byte.
 */
export function compileNeeds(
  needs: readonly NeedProfile[],
  vocab: EngineVocabulary = defaultEngineVocabulary(),
  corpus?: LexicalCorpus,
): PackedNeeds {
  const space = termSpaceOf(vocab);
  return {
    termSpaceFingerprint: space.fingerprint,
    corpus,
    needs: needs.map((need) => compileNeed(planNeed(need, vocab, corpus), space, vocab)),
  };
}

function compileNeed(plan: NeedPlan, space: TermSpace, vocab: EngineVocabulary): PackedNeed {
  const { early, late } = describeFields(plan, vocab);
  const split = placeSplit(early, late);
  const placed = split ?? placeWide([...early, ...late]);
  const words = split === undefined ? Math.max(1, ...placed.map((field) => field.word + 1)) : SPLIT_WORDS;
  // Split: one word per term for the early fields, then one per term for the late ones, each small enough to stay
  // in cache; the area and offer counts ride in reserved bits. Wide: `words` words and a count per term.
  const stride = split === undefined ? words + 1 : 1;
  const table = sharedInt32(split === undefined ? space.size * stride : SPLIT_WORDS * space.size);
  const cell = (number: number, word: number): number =>
    split === undefined ? number * stride + word : word * space.size + number;
  const markCount = (number: number, word: 0 | 1): void => {
    if (split === undefined) table[number * stride + words] = 1;
    else table[cell(number, word)]! |= word === 0 ? RELATED_BIT : SOUGHT_BIT;
  };
  const forEachTerm = (name: EngineVocabularyName, visit: (term: string, number: number) => void): void => {
    const offset = space.offsetOf(name);
    space.termsOf(name).forEach((term, index) => visit(term, offset + index));
  };
  const forEachCandidate = (
    name: EngineVocabularyName,
    candidates: Iterable<string>,
    visit: (term: string, number: number) => void,
  ): void => {
    for (const term of candidates) {
      const number = space.numberOf(name, term);
      if (number !== undefined) visit(term, number);
    }
  };
  for (const field of placed) {
    const setBits = (term: string, number: number): void => {
      table[cell(number, field.word)]! |= field.bitsFor(term) << field.shift;
    };
    if (field.candidates === undefined) forEachTerm(field.vocabulary, setBits);
    else forEachCandidate(field.vocabulary, field.candidates(), setBits);
  }
  if (plan.sectorApplies) {
    const sectors = vocab.entries.sectors.hierarchy;
    forEachTerm('sectors', (term, number) => {
      if (plan.sectors.some((wanted) => fulfils(sectors, term, wanted))) table[cell(number, 0)]! |= SECTOR_BIT;
    });
  }
  const areas = vocab.entries.therapeuticAreas.hierarchy;
  const areaLineage = lineageOf(vocab, 'therapeuticAreas');
  for (const needTerm of plan.therapeuticAreas) {
    forEachCandidate('therapeuticAreas', areaLineage.relatives(needTerm), (term, number) => {
      if (inSameLineage(areas, needTerm, term)) markCount(number, 0);
    });
  }
  const offerings = vocab.entries.offerings.hierarchy;
  forEachTerm('offerings', (term, number) => {
    if (plan.offering.some((offer) => inSameLineage(offerings, offer, term))) markCount(number, 1);
  });

  const byteUnits = sharedInt32(words * 4 * 256);
  const mustMasks = sharedInt32(words);
  for (const field of placed) {
    const byteIndex = field.word * 4 + (field.shift >>> 3);
    const shiftInByte = field.shift & 7;
    const mask = (1 << field.width) - 1;
    for (let byte = 0; byte < 256; byte++) {
      byteUnits[byteIndex * 256 + byte]! += field.unitsFor((byte >>> shiftInByte) & mask);
    }
    if (field.mustHave === true) mustMasks[field.word]! |= 1 << field.shift;
  }

  const geographyUnits = sharedInt32(GEOGRAPHY_CODE_COUNT);
  if (plan.applicable.geography) {
    for (let code = 0; code < GEOGRAPHY_CODE_COUNT; code++) {
      const { points, outOf } = geographyPoints(
        plan.need.preferChinaPresence,
        plan.need.preferWuxiCoLocation,
        (code & 4) !== 0,
        WUXI_CO_LOCATIONS[code & 3] ?? 'none',
      );
      geographyUnits[code] = shareUnits(plan.scales.geography, points, outOf);
    }
  }

  // Reciprocity is a single share of its scale; ceil + 1 covers how far rounding can carry it.
  const laterMaxUnits =
    late.reduce((sum, field) => sum + field.unitsFor((1 << field.width) - 1), 0) +
    Math.ceil(plan.scales.reciprocity) +
    1 +
    Math.max(...geographyUnits);

  return {
    id: plan.need.id,
    words,
    split: split !== undefined,
    table,
    stride,
    lateOffset: split === undefined ? 0 : space.size,
    byteUnits,
    mustMasks,
    sectorApplies: plan.sectorApplies,
    sectorKeep: plan.sectorKeep,
    focusScale: plan.scales.focus,
    reciprocityScale: plan.scales.reciprocity,
    offerCount: plan.offering.length,
    geographyUnits,
    textScale: plan.scales.textRelevance,
    lexicalTokens: plan.lexical.tokens,
    lexicalIdfs: Float64Array.from(plan.lexical.idfs),
    lexicalMaxScore: plan.lexical.maxScore,
    laterMaxUnits,
  };
}

/** Fields decided by the gate and area sections (early) and by the rest of a company's terms (late). */
function describeFields(plan: NeedPlan, vocab: EngineVocabulary): { early: Field[]; late: Field[] } {
  const early: Field[] = [];
  const late: Field[] = [];
  early.push(...hierarchyFields(vocab, 'therapeuticAreas', plan.therapeuticAreas, plan.scales.therapeuticArea));
  late.push(...hierarchyFields(vocab, 'targets', plan.targets, plan.scales.target));
  late.push(...hierarchyFields(vocab, 'modalities', plan.modalities, plan.scales.modality));

  const stages = vocab.entries.developmentStages.hierarchy;
  const window = plan.stages.filter((id) => stages.has(id));
  if (window.length > 0) {
    late.push({
      width: 3,
      vocabulary: 'developmentStages',
      bitsFor: (term) => {
        const nearest = Math.min(...window.map((windowStage) => stageDistance(stages, windowStage, term)));
        return thermometer(STAGE_LEVELS.indexOf(stageCredit(nearest)));
      },
      unitsFor: (value) =>
        shareUnits(plan.scales.developmentStage, STAGE_LEVELS[popCount(value)] ?? 0, STAGE_CREDIT_SCALE),
    });
  }

  const capabilities = vocab.entries.capabilities.hierarchy;
  const outOf = MUST_HAVE_POINTS * plan.mustHave.length + NICE_TO_HAVE_POINTS * plan.niceToHave.length;
  const requirement = (id: string, points: number, mustHave: boolean): Field => ({
    width: 1,
    vocabulary: 'capabilities',
    bitsFor: (term) => (fulfils(capabilities, term, id) ? 1 : 0),
    unitsFor: (value) => value * shareUnits(plan.scales.capability, points, outOf),
    mustHave,
  });
  // An unknown must-have keeps its bit, which no term sets, so nobody is eligible: the reference agrees.
  early.push(...plan.mustHave.map((id) => requirement(id, MUST_HAVE_POINTS, true)));
  early.push(
    ...plan.niceToHave.filter((id) => capabilities.has(id)).map((id) => requirement(id, NICE_TO_HAVE_POINTS, false)),
  );

  const collaboration = vocab.entries.collaborationTypes.hierarchy;
  for (const type of plan.collaborationTypes.filter((id) => collaboration.has(id))) {
    late.push({
      width: 1,
      vocabulary: 'collaborationTypes',
      bitsFor: (term) => (fulfils(collaboration, term, type) ? 1 : 0),
      unitsFor: (value) => value * shareUnits(plan.scales.collaborationType, 1, plan.collaborationTypes.length),
    });
  }

  const networks = vocab.entries.partnerNetworks.hierarchy;
  if (plan.preferredPartnerNetworks.some((id) => networks.has(id))) {
    late.push({
      width: 1,
      vocabulary: 'partnerNetworks',
      bitsFor: (term) => (plan.preferredPartnerNetworks.some((wanted) => fulfils(networks, term, wanted)) ? 1 : 0),
      unitsFor: (value) => value * shareUnits(plan.scales.partnerNetwork, 1, 1),
    });
  }
  return { early, late };
}

function hierarchyFields(
  vocab: EngineVocabulary,
  name: 'therapeuticAreas' | 'modalities' | 'targets',
  needTerms: readonly string[],
  scale: number,
): Field[] {
  const hierarchy = vocab.entries[name].hierarchy;
  const lineage = lineageOf(vocab, name);
  return needTerms
    .filter((id) => hierarchy.has(id))
    .map((needTerm) => ({
      width: 4,
      vocabulary: name,
      bitsFor: (term) => thermometer(HIERARCHY_LEVELS.indexOf(hierarchyCredit(hierarchy, needTerm, term))),
      // Credit goes to the term, its descendants, its ancestors and its siblings' subtrees: nothing else.
      candidates: () => lineage.relatives(needTerm, true),
      unitsFor: (value) =>
        shareUnits(scale, HIERARCHY_LEVELS[popCount(value)] ?? 0, HIERARCHY_CREDIT_SCALE * needTerms.length),
    }));
}

function thermometer(level: number): number {
  return (1 << level) - 1;
}

function popCount(value: number): number {
  let count = 0;
  for (let bits = value; bits !== 0; bits &= bits - 1) count++;
  return count;
}

/**
 * Places fields in words of 32 bits: wider fields first and nibble-aligned, so single bits fill the gaps and no
 * field crosses a byte. Returns undefined when `maxWords` do not suffice.
 */
function placeFields(
  fields: readonly Field[],
  firstWord: number,
  maxWords: number,
  reserved: number,
): PlacedField[] | undefined {
  const used: number[] = [reserved];
  const placed: PlacedField[] = [];
  const ordered = [...fields].sort((a, b) => b.width - a.width);
  for (const field of ordered) {
    const step = field.width === 1 ? 1 : 4;
    const mask = (1 << field.width) - 1;
    let slot: { word: number; shift: number } | undefined;
    for (let word = 0; word < maxWords && slot === undefined; word++) {
      const taken = used[word] ?? 0;
      for (let shift = 0; shift + field.width <= 32; shift += step) {
        if ((taken & (mask << shift)) === 0) {
          slot = { word, shift };
          break;
        }
      }
    }
    if (slot === undefined) return undefined;
    used[slot.word] = (used[slot.word] ?? 0) | (mask << slot.shift);
    placed.push({ ...field, word: firstWord + slot.word, shift: slot.shift });
  }
  return placed;
}

function placeSplit(early: readonly Field[], late: readonly Field[]): PlacedField[] | undefined {
  const earlyPlaced = placeFields(early, 0, 1, SECTOR_BIT | RELATED_BIT);
  const latePlaced = placeFields(late, 1, 1, SOUGHT_BIT);
  return earlyPlaced === undefined || latePlaced === undefined ? undefined : [...earlyPlaced, ...latePlaced];
}

function placeWide(fields: readonly Field[]): PlacedField[] {
  // One word per field always suffices.
  const placed = placeFields(fields, 0, fields.length + 1, SECTOR_BIT);
  if (placed === undefined) throw new Error('Field placement failed with a word per field.');
  return placed;
}

/** Children by parent, to walk a term's lineage instead of testing every term of a large vocabulary. */
interface Lineage {
  /** The term's descendants and ancestors (and itself); with `siblings`, also every descendant of its parent. */
  relatives(id: string, siblings?: boolean): Set<string>;
}

const lineageOf = perVocabulary(buildLineage);

function buildLineage(vocab: EngineVocabulary, name: EngineVocabularyName): Lineage {
  const { vocabulary, hierarchy } = vocab.entries[name];
  const children = new Map<string, string[]>();
  for (const term of vocabulary.terms) {
    if (term.parent === undefined) continue;
    const siblings = children.get(term.parent);
    if (siblings === undefined) children.set(term.parent, [term.id]);
    else siblings.push(term.id);
  }
  const addSubtree = (id: string, into: Set<string>): void => {
    into.add(id);
    for (const child of children.get(id) ?? []) addSubtree(child, into);
  };
  return {
    relatives: (id, siblings = false) => {
      const canonical = hierarchy.canonicalId?.(id) ?? id;
      const related = new Set<string>(hierarchy.ancestors(canonical));
      const parent = hierarchy.ancestors(canonical)[0];
      addSubtree(siblings && parent !== undefined ? parent : canonical, related);
      return related;
    },
  };
}
