import { describe, expect, it } from '@jest/globals';
import { vocabularyIndexes } from './vocabulary-index.js';

const therapeuticAreas = vocabularyIndexes.therapeuticAreas;

describe('VocabularyIndex hierarchy', () => {
  it('lists ancestors nearest first', () => {
    expect(therapeuticAreas.ancestors('non-small-cell-lung-cancer')).toEqual([
      'lung-cancer',
      'solid-tumours',
      'oncology',
    ]);
    expect(therapeuticAreas.ancestors('her2-low-breast-cancer')).toEqual([
      'her2-negative-breast-cancer',
      'breast-cancer',
      'solid-tumours',
      'oncology',
    ]);
    expect(therapeuticAreas.ancestors('heart-failure')).toEqual(['cardiovascular', 'cardiovascular-renal-metabolism']);
  });

  it('has no ancestors for roots and unknown ids', () => {
    expect(therapeuticAreas.ancestors('oncology')).toEqual([]);
    expect(therapeuticAreas.ancestors('not-a-term')).toEqual([]);
  });

  it('measures depth from the root', () => {
    expect(therapeuticAreas.depth('oncology')).toBe(0);
    expect(therapeuticAreas.depth('lung-cancer')).toBe(2);
    expect(therapeuticAreas.depth('egfr-mutated-nsclc')).toBe(4);
    expect(therapeuticAreas.depth('not-a-term')).toBe(-1);
  });

  it('goes at least three levels deep where medicine does', () => {
    for (const id of [
      'non-small-cell-lung-cancer',
      'diffuse-large-b-cell-lymphoma',
      'myocardial-infarction',
      'fabry-disease',
    ]) {
      expect(therapeuticAreas.depth(id)).toBeGreaterThanOrEqual(3);
    }
  });

  it('tells descendants from siblings and ancestors', () => {
    expect(therapeuticAreas.isDescendantOrSelf('egfr-mutated-nsclc', 'lung-cancer')).toBe(true);
    expect(therapeuticAreas.isDescendantOrSelf('lung-cancer', 'lung-cancer')).toBe(true);
    expect(therapeuticAreas.isDescendantOrSelf('lung-cancer', 'non-small-cell-lung-cancer')).toBe(false);
    expect(therapeuticAreas.isDescendantOrSelf('small-cell-lung-cancer', 'non-small-cell-lung-cancer')).toBe(false);
    expect(therapeuticAreas.isDescendantOrSelf('not-a-term', 'not-a-term')).toBe(false);
  });

  it('answers has and get by id', () => {
    expect(therapeuticAreas.has('mash')).toBe(true);
    expect(therapeuticAreas.has('MASH')).toBe(false);
    expect(therapeuticAreas.get('mash')).toMatchObject({ label: 'Metabolic dysfunction-associated steatohepatitis' });
    expect(therapeuticAreas.get('nash')).toBeUndefined();
  });

  it('groups modalities, capabilities and offerings', () => {
    expect(vocabularyIndexes.modalities.ancestors('sirna')).toEqual(['oligonucleotide', 'nucleic-acid-therapeutic']);
    expect(vocabularyIndexes.modalities.isDescendantOrSelf('antibody-drug-conjugate', 'antibody')).toBe(true);
    expect(vocabularyIndexes.capabilities.isDescendantOrSelf('organoids', 'translational-science')).toBe(true);
    expect(vocabularyIndexes.offerings.ancestors('grant-funding')).toEqual(['funding']);
  });

  it('builds each index once', () => {
    expect(vocabularyIndexes.therapeuticAreas).toBe(therapeuticAreas);
  });
});
