import { describe, expect, it } from '@jest/globals';
import { normaliseTerm } from './term-normalisation.js';
import { VOCABULARIES, VOCABULARY_NAMES, VOCABULARY_VERSION } from './vocabularies.js';
import { VocabularyIndex } from './vocabulary-index.js';
import type { Vocabulary } from './vocabulary.types.js';

const KEBAB_CASE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/u;
const CHINESE = /[\u4e00-\u9fff]/u;
const XREF = /^(MESH:D\d{6}(\d{3})?|MONDO:\d{7})$/u;
// Ids that come from public sources rather than from our curators: Disease Ontology concepts and gene symbols.
const DOID = /^DOID:\d+$/u;
const TARGET_ID = /^[A-Za-z0-9][A-Za-z0-9.\-/:]*( [A-Za-z0-9.]+)?$/u;
const ONTOLOGY_XREF = /^(MESH:[CD]\d{6}(\d{3})?|NCI:C\d+|ICD10CM:[A-Z0-9.-]+|ORDO:\d+|OMIM:[A-Z0-9.]+|GARD:\d+)$/u;

/** Curated terms carry kebab-case ids; generated ones keep their source's id and may lack a Chinese label. */
const isCurated = (vocabulary: Vocabulary, id: string): boolean =>
  vocabulary.name !== 'targets' && KEBAB_CASE_ID.test(id);
const CALENDAR_VERSION = /^\d{4}\.\d{1,2}\.\d+$/u;

const vocabularies: readonly Vocabulary[] = VOCABULARY_NAMES.map((name) => VOCABULARIES[name]);

describe('VOCABULARIES', () => {
  it('names every vocabulary under its own key and versions the set', () => {
    expect(VOCABULARY_VERSION).toMatch(CALENDAR_VERSION);
    for (const name of VOCABULARY_NAMES) {
      expect(VOCABULARIES[name].name).toBe(name);
      expect(VOCABULARIES[name].version).toMatch(CALENDAR_VERSION);
    }
  });

  it('is broad enough to code real profiles', () => {
    expect(VOCABULARIES.therapeuticAreas.terms.length).toBeGreaterThanOrEqual(150);
    expect(VOCABULARIES.modalities.terms.length).toBeGreaterThanOrEqual(30);
    expect(VOCABULARIES.capabilities.terms.length).toBeGreaterThanOrEqual(50);
    expect(VOCABULARIES.collaborationTypes.terms.length).toBeGreaterThanOrEqual(15);
    expect(VOCABULARIES.offerings.terms.length).toBeGreaterThanOrEqual(20);
    expect(VOCABULARIES.organisationTypes.terms.length).toBeGreaterThanOrEqual(12);
    expect(VOCABULARIES.developmentStages.terms.length).toBe(18);
    expect(VOCABULARIES.therapeuticAreas.terms.length).toBeGreaterThanOrEqual(7000);
    expect(VOCABULARIES.targets.terms.length).toBeGreaterThanOrEqual(300);
  });

  describe.each(vocabularies.map((vocabulary) => [vocabulary.name, vocabulary] as const))('%s', (_name, vocabulary) => {
    const ids = vocabulary.terms.map((term) => term.id);

    it('has unique lowercase kebab-case ids', () => {
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids.filter((id) => isCurated(vocabulary, id))) expect(id).toMatch(KEBAB_CASE_ID);
      for (const id of ids.filter((id) => !isCurated(vocabulary, id))) {
        expect(id).toMatch(vocabulary.name === 'targets' ? TARGET_ID : DOID);
      }
    });

    it('gives every term an English label and a Chinese label', () => {
      for (const term of vocabulary.terms) {
        expect(term.label.trim()).not.toBe('');
        if (!isCurated(vocabulary, term.id) && term.labelZh === '') continue;
        expect({ id: term.id, chinese: CHINESE.test(term.labelZh) }).toEqual({ id: term.id, chinese: true });
      }
    });

    it('points parents at existing terms, without cycles, and only in hierarchical vocabularies', () => {
      const known = new Set(ids);
      for (const term of vocabulary.terms) {
        if (term.parent === undefined) continue;
        expect(vocabulary.hierarchical).toBe(true);
        expect({ id: term.id, parentKnown: known.has(term.parent) }).toEqual({ id: term.id, parentKnown: true });
      }
      expect(() => new VocabularyIndex(vocabulary)).not.toThrow();
    });

    it('ranks every term of an ordered vocabulary and none of an unordered one', () => {
      for (const term of vocabulary.terms) {
        expect({ id: term.id, ranked: term.rank !== undefined }).toEqual({ id: term.id, ranked: vocabulary.ordered });
      }
    });

    it('writes cross-references as prefixed MeSH or MONDO ids', () => {
      for (const term of vocabulary.terms) {
        for (const xref of term.xrefs ?? [])
          expect(xref).toMatch(isCurated(vocabulary, term.id) ? XREF : ONTOLOGY_XREF);
      }
    });

    it('never gives two terms the same id, label or synonym once case, punctuation and spelling are folded', () => {
      const owners = new Map<string, Set<string>>();
      for (const term of vocabulary.terms) {
        for (const name of [term.id, term.label, term.labelZh, ...term.synonyms]) {
          const key = normaliseTerm(name).replaceAll(' ', '');
          if (key === '') continue; // a generated term without a Chinese label
          owners.set(key, (owners.get(key) ?? new Set()).add(term.id));
        }
      }
      const shared = [...owners]
        .filter(([, terms]) => terms.size > 1)
        .map(([key, terms]) => `${key}: ${[...terms].join(', ')}`);
      expect(shared).toEqual([]);
    });
  });

  it('detects a cycle or a dangling parent when an index is built', () => {
    const base = { name: 'capabilities', version: '0', hierarchical: true, ordered: false } as const;
    const cyclic: Vocabulary = {
      ...base,
      terms: [
        { id: 'a', label: 'A', labelZh: '甲', synonyms: [], parent: 'b' },
        { id: 'b', label: 'B', labelZh: '乙', synonyms: [], parent: 'a' },
      ],
    };
    const dangling: Vocabulary = {
      ...base,
      terms: [{ id: 'a', label: 'A', labelZh: '甲', synonyms: [], parent: 'z' }],
    };
    expect(() => new VocabularyIndex(cyclic)).toThrow(/Cycle/u);
    expect(() => new VocabularyIndex(dangling)).toThrow(/Unknown parent/u);
  });
});
