import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { InvalidFieldsError } from '#platform';
import { resolveProfileTerms, type TermFields } from './profile-terms.js';

interface Asset {
  name: string;
  modality?: string;
  stage?: string;
  targets?: string[];
  therapeuticAreas?: string[];
}

interface Profile {
  name: string;
  therapeuticAreas?: string[];
  targets?: string[];
  modalities: string[];
  assets?: Asset[];
}

const FIELDS: TermFields<Profile> = {
  therapeuticAreas: 'therapeuticAreas',
  targets: 'targets',
  modalities: 'modalities',
  assets: {
    each: {
      modality: 'modalities',
      stage: 'developmentStages',
      targets: 'targets',
      therapeuticAreas: 'therapeuticAreas',
    },
  },
};

const problemsOf = (run: () => unknown): InvalidFieldsError['errors'] => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidFieldsError) return error.errors;
    throw error;
  }
  throw new Error('expected an InvalidFieldsError');
};

describe('resolveProfileTerms with nested records', () => {
  it('resolves the term fields of every asset to ids, leaving other fields and absent ones alone', () => {
    const { values, unmappedTerms } = resolveProfileTerms<Profile>(
      {
        name: 'Helix',
        targets: ['HER2'],
        modalities: ['Small Molecule'],
        assets: [
          { name: 'HX-101', modality: 'small molecule', stage: 'Preclinical', targets: ['ERBB1', 'EGFR'] },
          { name: 'HX-202', therapeuticAreas: ['NSCLC'] },
        ],
      },
      FIELDS,
      'strict',
    );
    expect(unmappedTerms).toEqual([]);
    expect(values).toEqual({
      name: 'Helix',
      targets: ['ERBB2'],
      modalities: ['small-molecule'],
      assets: [
        { name: 'HX-101', modality: 'small-molecule', stage: 'preclinical', targets: ['EGFR'] },
        { name: 'HX-202', therapeuticAreas: ['non-small-cell-lung-cancer'] },
      ],
    });
  });

  it('names the nested field and index of every unknown term in strict mode, with suggestions', () => {
    const problems = problemsOf(() =>
      resolveProfileTerms<Profile>(
        {
          name: 'Helix',
          targets: ['EGFR', 'Flux capacitor'],
          modalities: [],
          assets: [
            { name: 'A', targets: ['EGFR'] },
            { name: 'B', modality: 'telepathy', targets: ['HER2', 'Zorbium'] },
          ],
        },
        FIELDS,
        'strict',
      ),
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'targets[1]',
      'assets[1].modality',
      'assets[1].targets[1]',
    ]);
    expect(problems[2]).toMatchObject({ message: 'unknown term "Zorbium"' });
    expect(Array.isArray(problems[2]?.suggestions)).toBe(true);
  });

  it('keeps unresolvable nested terms as unmapped terms in lenient mode, deduplicated', () => {
    const { values, unmappedTerms } = resolveProfileTerms<Profile>(
      {
        name: 'Helix',
        modalities: [],
        assets: [
          { name: 'A', targets: ['Zorbium', 'EGFR'] },
          { name: 'B', stage: 'almost there', targets: ['Zorbium'] },
        ],
      },
      FIELDS,
      'lenient',
    );
    expect(values.assets).toEqual([
      { name: 'A', targets: ['EGFR'] },
      { name: 'B', stage: 'almost there', targets: [] },
    ]);
    expect(unmappedTerms).toEqual(['Zorbium', 'almost there']);
  });

  it('skips absent and null lists of records', () => {
    const input = { name: 'Helix', modalities: ['small-molecule'], assets: null } as unknown as Profile;
    expect(resolveProfileTerms(input, FIELDS, 'strict').values).toEqual(input);
    expect(resolveProfileTerms<Profile>({ name: 'Helix', modalities: [] }, FIELDS, 'strict').values).toEqual({
      name: 'Helix',
      modalities: [],
    });
  });
});

describe('resolveProfileTerms with therapeutic areas that name targets', () => {
  it('adds the targets an area names to the record’s targets, after the ones given, without duplicates', () => {
    const { values } = resolveProfileTerms<Profile>(
      {
        name: 'Helix',
        therapeuticAreas: ['EGFR-mutant NSCLC', 'KRAS G12C mutant colorectal cancer'],
        targets: ['HER2', 'EGFR'],
        modalities: [],
      },
      FIELDS,
      'strict',
    );
    expect(values.targets).toEqual(['ERBB2', 'EGFR', 'KRAS G12C']);
    expect(values.therapeuticAreas).not.toContain('EGFR-mutant NSCLC');
  });

  it('creates the targets field when only an area names a target, in assets too', () => {
    const { values } = resolveProfileTerms<Profile>(
      {
        name: 'Helix',
        therapeuticAreas: ['EGFR-mutant NSCLC'],
        modalities: [],
        assets: [{ name: 'A', therapeuticAreas: ['HER2-positive breast cancer'] }, { name: 'B' }],
      },
      FIELDS,
      'lenient',
    );
    expect(values.targets).toEqual(['EGFR']);
    expect(values.assets).toEqual([expect.objectContaining({ name: 'A', targets: ['ERBB2'] }), { name: 'B' }]);
  });

  it('adds the same targets whether the area is written as an id, a Chinese label or a synonym', () => {
    for (const area of ['egfr-mutated-nsclc', 'EGFR突变非小细胞肺癌', 'EGFRm NSCLC']) {
      const { values } = resolveProfileTerms<Profile>(
        { name: 'Helix', therapeuticAreas: [area], modalities: [] },
        FIELDS,
        'strict',
      );
      expect(values).toMatchObject({ therapeuticAreas: ['egfr-mutated-nsclc'], targets: ['EGFR'] });
    }
  });

  it('adds nothing for areas that name no target or state a biomarker as absent', () => {
    const { values } = resolveProfileTerms<Profile>(
      { name: 'Helix', therapeuticAreas: ['NSCLC', 'HER2-negative breast cancer'], modalities: [] },
      FIELDS,
      'strict',
    );
    expect(values.targets).toBeUndefined();
  });
});
