import { describe, expect, it } from '@jest/globals';
import { DRUG_STAGES } from './development-stages.fixture.js';
import { vocabularyIndexes } from './vocabulary-index.js';

const stages = vocabularyIndexes.developmentStages;

const TRLS = ['trl-1', 'trl-2', 'trl-3', 'trl-4', 'trl-5', 'trl-6', 'trl-7', 'trl-8', 'trl-9'];

describe('development stages', () => {
  it('ranks drug stages 1 to 9 in development order', () => {
    expect(DRUG_STAGES.map((id) => stages.rank(id))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('ranks TRL n as n, so readiness levels compare among themselves', () => {
    expect(TRLS.map((id) => stages.rank(id))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('lines TRLs up with the drug stage of the same rank', () => {
    expect(stages.rank('trl-6')).toBe(stages.rank('phase-2'));
    expect(stages.rank('trl-9')).toBe(stages.rank('marketed'));
  });

  it('has no rank for unknown ids or in unordered vocabularies', () => {
    expect(stages.rank('phase-4')).toBeUndefined();
    expect(vocabularyIndexes.modalities.rank('antibody')).toBeUndefined();
  });

  it.each([
    ['Phase II', 'phase-2'],
    ['Phase IIb', 'phase-2'],
    ['Ph 1', 'phase-1'],
    ['Pre-clinical', 'preclinical'],
    ['IND enabling', 'ind-enabling'],
    ['Lead optimization', 'lead-optimisation'],
    ['Hit-to-lead', 'lead-optimisation'],
    ['Commercialised', 'marketed'],
    ['TRL-6', 'trl-6'],
    ['TRL VII', 'trl-7'],
    ['Technology readiness level 4', 'trl-4'],
  ])('resolves %j', (input, id) => {
    const resolution = stages.resolve(input);
    expect(resolution.resolved ? resolution.id : undefined).toBe(id);
  });
});
