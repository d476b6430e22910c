import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConditionResolution } from './condition-resolution.js';
import {
  loadTrialsFile,
  codeTokens,
  companyFromTrials,
  needFromTrial,
  parseInterventions,
  splitField,
  sponsorId,
  stagesOfPhase,
  type CtgovTrial,
} from './ctgov-profiles.js';

const trial = (overrides: Partial<CtgovTrial>): CtgovTrial => ({
  nct: 'NCT00000001',
  sponsor: 'Acme Bio',
  sponsorType: 'INDUSTRY',
  studyType: 'Interventional',
  phase: 'Phase 2',
  startDate: '2020-01-01',
  conditions: 'Asthma',
  interventions: 'Drug: AZD-1234',
  title: 'A title',
  officialTitle: 'An official title',
  description: 'A description',
  ...overrides,
});

// A stand-in resolver: knows asthma and one targeted condition, nothing else.
const resolve = (input: string): ConditionResolution => {
  if (input === 'Asthma') return { input, areas: ['asthma'], targets: [] };
  if (input === 'EGFR-mutant NSCLC') return { input, areas: ['non-small-cell-lung-cancer'], targets: ['EGFR'] };
  return { input, areas: [], targets: [] };
};

describe('phase to development stage', () => {
  it.each([
    ['Phase 1', ['phase-1']],
    ['Early Phase 1', ['phase-1']],
    ['Phase 2', ['phase-2']],
    ['Phase 3', ['phase-3']],
    ['Phase 4', ['marketed']],
    ['Phase 1/Phase 2', ['phase-1', 'phase-2']],
    ['Phase 2/Phase 3', ['phase-2', 'phase-3']],
    ['Not Applicable', []],
    ['', []],
  ])('%j names %j', (phase, stages) => {
    expect(stagesOfPhase(phase)).toEqual(stages);
  });
});

describe('interventions as assets', () => {
  it('keeps drug, biological and genetic interventions and drops the rest', () => {
    const assets = parseInterventions(
      'Drug: Pembrolizumab|Behavioral: CBT|Biological: MVA85A|Device: Stent|Genetic: AAV8-hCocH|Procedure: Surgery',
    );
    expect(assets.map((asset) => asset.name)).toEqual(['Pembrolizumab', 'MVA85A', 'AAV8-hCocH']);
  });

  it('skips entries without a type and empty names', () => {
    expect(parseInterventions('Pembrolizumab|Drug: |  |Drug:  Placebo ')).toEqual([{ name: 'Placebo' }]);
  });

  it('finds development codes but not drug names, doses or plain numbers', () => {
    expect(codeTokens('KRN23')).toEqual(['KRN23']);
    expect(codeTokens('BI 764198 (low dose)')).toEqual(['BI 764198']);
    expect(codeTokens('Panobinostat (LBH589)')).toEqual(['LBH589']);
    expect(codeTokens('MK-3475, 200 mg')).toEqual(['MK-3475']);
    expect(codeTokens('Pembrolizumab 10 mg/kg')).toEqual([]);
    expect(codeTokens('Vitamin D3')).toEqual([]);
  });
});

describe('sponsor ids', () => {
  it('are stable, readable and keep similar names apart', () => {
    expect(sponsorId('Mayo Clinic')).toBe(sponsorId('Mayo Clinic'));
    expect(sponsorId('Mayo Clinic')).toMatch(/^mayo-clinic-[0-9a-f]{8}$/);
    expect(sponsorId('Mayo Clinic')).not.toBe(sponsorId('Mayo  Clinic'));
    expect(sponsorId('Centre Hospitalier Universitaire de Nīmes')).toMatch(/^centre-hospitalier-universitaire-de-nime/);
  });
});

describe('profiles from trials', () => {
  it('splits pipe-separated fields and trims them', () => {
    expect(splitField(' Asthma | |COPD|')).toEqual(['Asthma', 'COPD']);
  });

  it('builds a company from all of its trials', () => {
    const company = companyFromTrials(
      'Acme Bio',
      [
        trial({ conditions: 'Asthma|Wheezy feelings', phase: 'Phase 1/Phase 2' }),
        trial({
          nct: 'NCT00000002',
          conditions: 'EGFR-mutant NSCLC|Asthma',
          phase: 'Not Applicable',
          interventions: 'Drug: azd-1234|Drug: Osimertinib',
          title: 'Second',
          officialTitle: 'Second official',
        }),
      ],
      resolve,
    );
    expect(company).toMatchObject({
      id: sponsorId('Acme Bio'),
      name: 'Acme Bio',
      sectors: [],
      therapeuticAreas: ['asthma', 'non-small-cell-lung-cancer'],
      targets: ['EGFR'],
      developmentStages: ['phase-1', 'phase-2'],
      unmappedTerms: ['Wheezy feelings'],
    });
    expect(company.assets?.map((asset) => asset.name)).toEqual(['AZD-1234', 'Osimertinib']);
    expect(company.description).toBe('A title\nSecond\nAn official title\nSecond official\nA description');
  });

  it('builds a need from one trial, with no stage when the trial has no phase', () => {
    const need = needFromTrial(trial({ phase: '', conditions: 'EGFR-mutant NSCLC|Unheard-of syndrome' }), resolve);
    expect(need).toMatchObject({
      id: 'need-NCT00000001',
      title: 'A title',
      description: 'An official title\nA description\nAZD-1234',
      therapeuticAreas: ['non-small-cell-lung-cancer'],
      targets: ['EGFR'],
      stages: [],
      sectors: [],
      mustHave: [],
      unmappedTerms: ['Unheard-of syndrome'],
    });
  });
});

describe('another set of registrations', () => {
  const fileWith = (rows: unknown): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'trials-')), 'trials.json');
    writeFileSync(file, JSON.stringify(rows));
    return file;
  };
  const minimal = {
    nct: 'NCT1',
    sponsor: 'Acme',
    phase: 'Phase 2',
    conditions: 'Asthma',
    interventions: '',
    title: 'T',
  };

  it('reads text fields a set leaves out as empty', () => {
    const [trial] = loadTrialsFile(fileWith([minimal]));
    expect(trial).toMatchObject({ ...minimal, officialTitle: '', description: '', sponsorType: '' });
  });

  it('names the row and field a set gets wrong', () => {
    expect(() => loadTrialsFile(fileWith([minimal, { ...minimal, sponsor: 7 }]))).toThrow(
      /\[1\]\.sponsor must be a string/,
    );
    expect(() => loadTrialsFile(fileWith({ trials: [] }))).toThrow(/JSON array/);
  });
});
