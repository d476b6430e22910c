import { describe, expect, it } from '@jest/globals';
import { findTargetMentions } from './condition-mentions.js';
import { vocabularyIndexes } from './vocabulary-index.js';
import { resolvedIdIn } from './vocabulary-index.fixture.js';

const targets = vocabularyIndexes.targets;
const resolvedId = resolvedIdIn(targets);

describe('targets vocabulary', () => {
  it.each([
    ['HER2', 'ERBB2'],
    ['neu', 'ERBB2'],
    ['PD-L1', 'CD274'],
    ['B7-H1', 'CD274'],
    ['PD-1', 'PDCD1'],
    ['BCMA', 'TNFRSF17'],
    ['TROP2', 'TACSTD2'],
    ['Claudin 18.2', 'CLDN18.2'],
    ['SGLT2', 'SLC5A2'],
    ['GLP-1R', 'GLP1R'],
    ['amyloid beta', 'APP'],
  ])('names %j by its HGNC symbol %s', (input, id) => {
    expect(resolvedId(input)).toBe(id);
  });

  it('keeps variants under their gene', () => {
    expect(targets.ancestors('KRAS G12C')).toEqual(['KRAS']);
    expect(targets.isDescendantOrSelf('EGFR T790M', 'EGFR')).toBe(true);
    expect(targets.isDescendantOrSelf('CDK6', 'CDK4/6')).toBe(true);
  });
});

describe('findTargetMentions', () => {
  it('keeps the most specific variant only', () => {
    expect(findTargetMentions('KRAS G12C-mutated colorectal cancer')).toEqual(['KRAS G12C']);
  });

  it('reads short symbols only when written as symbols', () => {
    expect(findTargetMentions('ER-positive breast cancer')).toEqual(['ESR1']);
    expect(findTargetMentions('patients who met the criteria')).toEqual([]);
  });

  it('reads a name that is also a disease as the disease', () => {
    expect(findTargetMentions('PAH')).toEqual([]);
  });
});
