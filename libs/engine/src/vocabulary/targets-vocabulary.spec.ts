import { describe, expect, it } from '@jest/globals';
import { findTargetMentions, resolveConditionMention } from './condition-mentions.js';
import { vocabularyIndexes } from './vocabulary-index.js';

const targets = vocabularyIndexes.targets;

function resolvedId(input: string): string | undefined {
  const resolution = targets.resolve(input);
  return resolution.resolved ? resolution.id : undefined;
}

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

describe('resolveConditionMention', () => {
  it('gives the disease and the biomarker a condition names', () => {
    const mention = resolveConditionMention('EGFR-mutant NSCLC');
    expect(mention.areas.map((area) => area.id)).toEqual(['egfr-mutated-nsclc']);
    expect(mention.targets).toEqual(['EGFR']);
  });

  it('names each disease of a list whose every part names one', () => {
    const ids = resolveConditionMention('Mesothelioma, Small Cell Lung Cancer, NSCLC').areas.map((area) => area.id);
    expect(ids).toEqual(expect.arrayContaining(['small-cell-lung-cancer', 'non-small-cell-lung-cancer']));
    expect(ids).toHaveLength(3);
  });

  it('reads a comma as part of one name when a part names nothing', () => {
    expect(resolveConditionMention('Leukemia, Myeloid, Acute').areas.map((area) => area.id)).toEqual([
      'acute-myeloid-leukaemia',
    ]);
    // A part that is no disease and no narrowing of one ("Asthma, Knee" would now read as the inverted "Knee Asthma",
    // a kind of asthma by its head noun): the text names nothing confidently.
    expect(resolveConditionMention('Asthma, Quality of Life').areas).toEqual([]);
  });

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

  it.each(['Healthy Volunteers', 'Pharmacokinetics', 'Quality of Life', 'Adverse Drug Event', 'Pembrolizumab'])(
    'names nothing in %j',
    (input) => {
      const mention = resolveConditionMention(input);
      expect(mention.areas).toEqual([]);
      expect(mention.targets).toEqual([]);
    },
  );
});
