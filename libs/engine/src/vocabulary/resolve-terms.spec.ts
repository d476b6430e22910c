import { describe, expect, it } from '@jest/globals';
import { VOCABULARY_NAMES } from './vocabularies.js';
import { resolveTerms } from './resolve-terms.js';
import { vocabularyIndexes } from './vocabulary-index.js';

const PARTNER_PROFILE = [
  'Metastatic Colorectal Cancer (CRC)',
  'HER2-negative Breast Cancer',
  'Advanced Solid Malignancies',
  'Carcinoma, Non-Small-Cell Lung',
  'Neoplasms',
  '非小细胞肺癌',
  'Relapsed/refractory multiple myeloma',
  'Hepatocellular carcinoma (HCC)',
  'Type 2 Diabetes Mellitus',
  'Chronic kidney disease',
  'Severe eosinophilic asthma',
  'COPD',
  'Lupus nephritis',
  'RSV infection',
  'Paroxysmal nocturnal hemoglobinuria',
  'NASH',
  'Heart failure with preserved ejection fraction',
  'Leukemia, Myeloid, Acute',
  'EGFR-mutant NSCLC',
  'Alzheimer’s disease',
];

describe('resolveTerms', () => {
  it('returns deduplicated ids in input order and the inputs it could not resolve', () => {
    const result = resolveTerms('therapeuticAreas', [
      'NSCLC',
      'Colorectal cancer',
      'xyzzy',
      'non-small cell lung cancer',
    ]);
    expect(result.ids).toEqual(['non-small-cell-lung-cancer', 'colorectal-cancer']);
    expect(result.unresolved).toEqual([{ input: 'xyzzy', resolved: false, suggestions: [] }]);
  });

  it('resolves a whole messy partner profile', () => {
    const result = resolveTerms('therapeuticAreas', PARTNER_PROFILE);
    expect(result.unresolved).toEqual([]);
    expect(result.ids).toHaveLength(19);
  });

  it('abstains on a therapeutic area it could only guess, offering the guess first', () => {
    // "Plaque Psoriasis Registry" drops its head ("registry"): psoriasis is only a guess.
    const result = resolveTerms('therapeuticAreas', ['Plaque Psoriasis Registry']);
    expect(result.ids).toEqual([]);
    expect(result.unresolved[0]?.suggestions[0]?.id).toBe('psoriasis');
    // "Chronic Plaque-type Psoriasis" ends in its head noun, so it is a psoriasis: no longer a guess.
    expect(resolveTerms('therapeuticAreas', ['Chronic Plaque-type Psoriasis']).ids).toEqual(['psoriasis']);
  });

  it('has an index for every vocabulary', () => {
    for (const name of VOCABULARY_NAMES) expect(vocabularyIndexes[name].vocabulary.name).toBe(name);
  });
});
