import { describe, expect, it } from '@jest/globals';
import { findTargetMentions } from './condition-mentions.js';
import { vocabularyIndexes } from './vocabulary-index.js';
import { resolvedIdIn } from './vocabulary-index.fixture.js';

const therapeuticAreas = vocabularyIndexes.therapeuticAreas;
const resolvedId = resolvedIdIn(therapeuticAreas);

describe('VocabularyIndex reading negated phrases', () => {
  it('never reads "non-small cell" as small cell', () => {
    expect(resolvedId('Recurrent non-small-cell lung carcinoma, stage IIIA')).toBe('non-small-cell-lung-cancer');
    expect(resolvedId('Pretreated non small cell lung cancer patients')).not.toBe('small-cell-lung-cancer');
  });

  it('never reads "non-squamous" as squamous', () => {
    expect(resolvedId('Non-squamous lung carcinoma in adults')).not.toBe('lung-squamous-cell-carcinoma');
  });

  it('keeps a negative biomarker status on the disease, never on the positive subtype', () => {
    expect(resolvedId('HER2-negative metastatic breast cancer')).toBe('her2-negative-breast-cancer');
    expect(resolvedId('HER2 negative breast carcinoma')).not.toBe('her2-positive-breast-cancer');
  });

  it('does not report a biomarker stated as absent as a target', () => {
    expect(findTargetMentions('HER2-negative breast cancer')).toEqual([]);
    expect(findTargetMentions('EGFR wild-type lung adenocarcinoma')).toEqual([]);
    expect(findTargetMentions('non-BRCA ovarian cancer')).toEqual([]);
  });
});
