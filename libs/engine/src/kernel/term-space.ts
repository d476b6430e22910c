import {
  ENGINE_VOCABULARY_NAMES,
  type EngineVocabulary,
  type EngineVocabularyName,
} from '../scoring/engine-vocabulary.js';
import { fnv1aHex } from '../scoring/stable-hash.js';

/** Packed term ids are 16-bit. */
const MAX_TERMS = 0x10000;

/**
 * Every term of every engine vocabulary numbered densely, so a packed profile is a list of small integers and a
 * compiled need a table indexed by them.
 */
export interface TermSpace {
  readonly size: number;
  /** Packed companies and needs must come from the same numbering; workers compare this string. */
  readonly fingerprint: string;
  /** A vocabulary's known terms in numbering order: term i has number `offsetOf(name) + i`. */
  termsOf(name: EngineVocabularyName): readonly string[];
  offsetOf(name: EngineVocabularyName): number;
  /** Global number of a known term; undefined for ids outside the vocabulary. */
  numberOf(name: EngineVocabularyName, id: string): number | undefined;
}

const spaces = new WeakMap<EngineVocabulary, TermSpace>();

export function termSpaceOf(vocab: EngineVocabulary): TermSpace {
  let space = spaces.get(vocab);
  if (space === undefined) {
    space = buildTermSpace(vocab);
    spaces.set(vocab, space);
  }
  return space;
}

function buildTermSpace(vocab: EngineVocabulary): TermSpace {
  const terms = {} as Record<EngineVocabularyName, readonly string[]>;
  const numbers = {} as Record<EngineVocabularyName, ReadonlyMap<string, number>>;
  const offsets = {} as Record<EngineVocabularyName, number>;
  let size = 0;
  for (const name of ENGINE_VOCABULARY_NAMES) {
    const { vocabulary, hierarchy } = vocab.entries[name];
    const ids = vocabulary.terms.map((term) => term.id).filter((id) => hierarchy.has(id));
    terms[name] = ids;
    offsets[name] = size;
    numbers[name] = new Map(ids.map((id, index) => [id, size + index]));
    size += ids.length;
  }
  if (size > MAX_TERMS)
    throw new RangeError(`The engine vocabularies hold ${size} terms; packing allows ${MAX_TERMS}.`);
  const fingerprint = fnv1aHex(
    `${vocab.version}|${ENGINE_VOCABULARY_NAMES.map((name) => terms[name].join(',')).join('|')}`,
  );
  return {
    size,
    fingerprint,
    termsOf: (name) => terms[name],
    offsetOf: (name) => offsets[name],
    numberOf: (name, id) => numbers[name].get(id),
  };
}
