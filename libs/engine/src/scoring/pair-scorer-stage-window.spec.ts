import { describe, expect, it } from '@jest/globals';
import { aCompany, aNeed, criterionOf, fixtureVocabulary } from './engine-vocabulary.fixture.js';
import { scorePair } from './pair-scorer.js';

const vocab = fixtureVocabulary();
const need = aNeed({ stages: ['preclinical', 'ind-enabling'] });
const stage = (stages: string[]) =>
  criterionOf(scorePair(need, aCompany({ developmentStages: stages }), vocab), 'developmentStage');

describe('development-stage fit measures the distance to the need window', () => {
  it('gives full credit inside the window', () => {
    expect(stage(['ind-enabling']).score).toBe(1);
    expect(stage(['discovery', 'preclinical']).score).toBe(1);
  });

  it('halves the credit per step outside the window and stops after two', () => {
    expect(stage(['phase-1']).score).toBe(0.5);
    expect(stage(['phase-2']).score).toBe(0.25);
    expect(stage(['phase-3']).score).toBe(0);
    expect(stage(['lead-optimisation']).score).toBe(0.5);
  });

  it('takes the nearest of the company stages', () => {
    expect(stage(['marketed', 'phase-1', 'discovery']).score).toBe(0.5);
  });

  it('compares technology readiness levels on the same maturity ranks', () => {
    expect(stage(['trl-4']).score).toBe(1);
    expect(stage(['trl-6']).score).toBe(0.25);
  });

  it('explains where the company stands', () => {
    expect(stage(['phase-1']).explanation).toBe(
      'Nearest stage Phase 1 is 1 step outside the window Preclinical, Ind Enabling.',
    );
    expect(stage([]).explanation).toBe('No company stage is comparable with the window Preclinical, Ind Enabling.');
    expect(stage([]).score).toBe(0);
  });
});
