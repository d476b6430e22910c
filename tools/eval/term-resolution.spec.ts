import { describe, expect, it } from '@jest/globals';
import type { ConditionResolution } from './condition-resolution.js';
import { scoreTermResolution, type ConceptSpace, type JudgementFile } from './term-resolution.js';

// A tiny hierarchy: cancer > lung cancer > nsclc > egfr-nsclc; shipped ids differ from ontology ids, as after
// canonicalisation. egfr-nsclc is curated only: no ontology id names it.
const parents: Record<string, string | undefined> = {
  cancer: undefined,
  'lung-cancer': 'cancer',
  nsclc: 'lung-cancer',
  'egfr-nsclc': 'nsclc',
};
const ancestorsOrSelf = (id: string): string[] => {
  const chain: string[] = [];
  for (let current: string | undefined = id; current !== undefined; current = parents[current]) chain.push(current);
  return chain;
};
const concepts: ConceptSpace = {
  diseases: {
    canonical: (expected) => ({ 'DOID:162': 'cancer', 'DOID:1324': 'lung-cancer', 'DOID:3908': 'nsclc' })[expected],
    covers: (resolved, expected) => ancestorsOrSelf(expected).includes(resolved),
    finerThanJudged: (resolved) => resolved === 'egfr-nsclc',
  },
  targets: {
    canonical: (expected) => (['EGFR', 'PDCD1', 'MET'].includes(expected) ? expected : undefined),
    covers: (resolved, expected) => resolved === expected || (resolved === 'MET' && expected === 'MET amplification'),
    finerThanJudged: (resolved) => resolved.includes(' '),
  },
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
    { input: 'EGFR-mutated lung carcinoma', diseases: ['DOID:3908'], targets: [] },
    { input: 'EGFR-mutated lung neoplasm', diseases: ['DOID:1324'], targets: [] },
    { input: 'MET Gene Amplification', diseases: [], targets: ['MET'] },
  ],
};

const system: Record<string, Omit<ConditionResolution, 'input'>> = {
  'EGFR-mutant NSCLC': { areas: ['cancer'], targets: ['EGFR'] }, // an ancestor and the target: a hit, and correct
  'Lung neoplasm': { areas: ['nsclc'], targets: [] }, // more specific than expected: a miss and an error
  Healthy: { areas: ['cancer'], targets: [] }, // resolves what names nothing: an error
  // a curated-only concept below the expected DOID concept, which is all the judges could name: a hit, and correct
  'EGFR-mutated lung carcinoma': { areas: ['egfr-nsclc'], targets: [] },
  'EGFR-mutated lung neoplasm': { areas: ['egfr-nsclc'], targets: [] }, // also below, two levels down
  'MET Gene Amplification': { areas: [], targets: ['MET amplification'] }, // a variant of the expected gene: right
};
const resolve = (input: string): ConditionResolution => ({ input, ...(system[input] ?? { areas: [], targets: [] }) });

describe('term-resolution scoring', () => {
  const report = scoreTermResolution(file, resolve, concepts);

  it('counts an expected concept or an ancestor of one as covered', () => {
    expect(report.coverage).toEqual({ expected: 7, hits: 4, share: 4 / 7 });
    expect(report.misses.map((miss) => miss.input)).toEqual(['Lung neoplasm', 'Unknown thing', 'PD-1']);
  });

  it('counts a resolution as correct only when every resolved concept is expected or an ancestor', () => {
    expect(report.precision).toEqual({ resolved: 6, correct: 4, share: 4 / 6 });
    expect(report.errors.map((error) => error.input)).toEqual(['Lung neoplasm', 'Healthy']);
  });

  it('counts a curated-only concept below the expected one as right, but not an ontology concept below it', () => {
    expect(report.errors.map((error) => error.input)).not.toContain('EGFR-mutated lung carcinoma');
    expect(report.errors.map((error) => error.input)).toContain('Lung neoplasm');
  });

  it('counts a variant of the expected gene as right, since judges name gene symbols only', () => {
    expect(report.errors.map((error) => error.input)).not.toContain('MET Gene Amplification');
    expect(report.misses.map((miss) => miss.input)).not.toContain('MET Gene Amplification');
  });

  it('reports how many expected ids the vocabularies can represent', () => {
    expect(report.expectedIdsKnown).toBeCloseTo(7 / 8, 12);
  });
});
