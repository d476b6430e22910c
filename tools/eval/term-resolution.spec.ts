import { describe, expect, it } from '@jest/globals';
import type { ConditionResolution } from './condition-resolution.js';
import { scoreTermResolution, type ConceptSpace, type JudgementFile } from './term-resolution.js';

// A tiny hierarchy: cancer > lung cancer > nsclc; shipped ids differ from ontology ids, as after canonicalisation.
const parents: Record<string, string | undefined> = {
  cancer: undefined,
  'lung-cancer': 'cancer',
  nsclc: 'lung-cancer',
};
const ancestorsOrSelf = (id: string): string[] => {
  const chain: string[] = [];
  for (let current: string | undefined = id; current !== undefined; current = parents[current]) chain.push(current);
  return chain;
};
const concepts: ConceptSpace = {
  disease: (expected) => ({ 'DOID:162': 'cancer', 'DOID:1324': 'lung-cancer', 'DOID:3908': 'nsclc' })[expected],
  target: (expected) => (['EGFR', 'PDCD1'].includes(expected) ? expected : undefined),
  diseaseCovers: (resolved, expected) => ancestorsOrSelf(expected).includes(resolved),
  targetCovers: (resolved, expected) => resolved === expected,
};

const file: JudgementFile = {
  version: 'test',
  source: 'test',
  rules: [],
  judgements: [
    { input: 'EGFR-mutant NSCLC', diseases: ['DOID:3908'], targets: ['EGFR'] },
    { input: 'Lung neoplasm', diseases: ['DOID:1324'], targets: [] },
    { input: 'Healthy', diseases: [], targets: [] },
    { input: 'Unknown thing', diseases: ['DOID:999999'], targets: [] },
    { input: 'PD-1', diseases: [], targets: ['PDCD1'] },
  ],
};

const system: Record<string, Omit<ConditionResolution, 'input'>> = {
  'EGFR-mutant NSCLC': { areas: ['cancer'], targets: ['EGFR'] }, // an ancestor and the target: a hit, and correct
  'Lung neoplasm': { areas: ['nsclc'], targets: [] }, // more specific than expected: a miss and an error
  Healthy: { areas: ['cancer'], targets: [] }, // resolves what names nothing: an error
};
const resolve = (input: string): ConditionResolution => ({ input, ...(system[input] ?? { areas: [], targets: [] }) });

describe('term-resolution scoring', () => {
  const report = scoreTermResolution(file, resolve, concepts);

  it('counts an expected concept or an ancestor of one as covered', () => {
    expect(report.coverage).toEqual({ expected: 4, hits: 1, share: 0.25 });
    expect(report.misses.map((miss) => miss.input)).toEqual(['Lung neoplasm', 'Unknown thing', 'PD-1']);
  });

  it('counts a resolution as correct only when every resolved concept is expected or an ancestor', () => {
    expect(report.precision).toEqual({ resolved: 3, correct: 1, share: 1 / 3 });
    expect(report.errors.map((error) => error.input)).toEqual(['Lung neoplasm', 'Healthy']);
  });

  it('reports how many expected ids the vocabularies can represent', () => {
    expect(report.expectedIdsKnown).toBeCloseTo(4 / 5, 12);
  });
});
