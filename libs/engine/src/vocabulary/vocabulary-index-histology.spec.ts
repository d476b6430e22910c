import { describe, expect, it } from '@jest/globals';
import { vocabularyIndexes } from './vocabulary-index.js';
import { resolvedIdIn } from './vocabulary-index.fixture.js';

const therapeuticAreas = vocabularyIndexes.therapeuticAreas;
const resolvedId = resolvedIdIn(therapeuticAreas);

describe('VocabularyIndex reading histology, staging and qualifier phrases', () => {
  it.each([
    ['Adenocarcinoma of the pancreas', 'pancreatic-cancer'],
    ['Squamous cell carcinoma of the oesophagus', 'oesophageal-squamous-cell-carcinoma'],
    ['Carcinoma of the ovary', 'ovarian-cancer'],
  ])('reads the histology-of-organ phrase %j as %s', (input, id) => {
    expect(therapeuticAreas.isDescendantOrSelf(resolvedId(input) ?? '', id)).toBe(true);
  });

  it.each([
    ['Endometrial Cancer by FIGO Stage', 'endometrial-cancer'],
    ['TNM Stage II Colon Carcinoma', 'colon-cancer'],
    ['Stage IV Melanoma', 'melanoma'],
    ['Ovarian carcinoma, FIGO stage IIIC', 'ovarian-cancer'],
    ['Prostate Adenocarcinoma, pT3N0', 'prostate-cancer'],
  ])('drops the staging in %j', (input, id) => {
    const resolved = resolvedId(input);
    expect(resolved === id || therapeuticAreas.isDescendantOrSelf(resolved ?? '', id)).toBe(true);
  });

  it.each([
    ['Obesity in Adolescents', 'obesity'],
    ['Acute Asthma in Children', 'asthma'],
    ['Rheumatoid Arthritis Patients', 'rheumatoid-arthritis'],
  ])('drops the onset and population words in %j', (input, id) => {
    expect(resolvedId(input)).toBe(id);
  });

  it('maps an organ-system cancer group to cancer, not to the organ area', () => {
    expect(therapeuticAreas.ancestors(resolvedId('Gastrointestinal cancer') ?? '')).toContain('oncology');
    expect(resolvedId('Respiratory system cancer')).not.toBe('respiratory');
  });
});
