import { describe, expect, it } from '@jest/globals';
import { vocabularyIndexes } from './vocabulary-index.js';
import { resolvedIdIn } from './vocabulary-index.fixture.js';

const therapeuticAreas = vocabularyIndexes.therapeuticAreas;
const resolvedId = resolvedIdIn(therapeuticAreas);

function confidenceOf(input: string): number {
  const resolution = therapeuticAreas.resolve(input);
  return resolution.resolved ? resolution.confidence : 0;
}

describe('VocabularyIndex resolving messy partner terms', () => {
  it.each([
    ['Metastatic Colorectal Cancer (CRC)', 'colorectal-cancer'],
    ['HER2-negative Breast Cancer', 'her2-negative-breast-cancer'],
    ['Advanced Solid Malignancies', 'solid-tumours'],
    ['Carcinoma, Non-Small-Cell Lung', 'non-small-cell-lung-cancer'],
    ['Neoplasms', 'oncology'],
  ])('maps the issue example %j to %s', (input, id) => {
    expect(resolvedId(input)).toBe(id);
  });

  it('gives an exact id, label or synonym full confidence', () => {
    expect(therapeuticAreas.resolve('non-small-cell-lung-cancer')).toMatchObject({ resolved: true, confidence: 1 });
    expect(therapeuticAreas.resolve('Non-small cell lung cancer')).toMatchObject({ resolved: true, confidence: 1 });
    expect(therapeuticAreas.resolve('NSCLC')).toMatchObject({ id: 'non-small-cell-lung-cancer', confidence: 1 });
  });

  it('ignores case and punctuation at full confidence', () => {
    expect(therapeuticAreas.resolve('  NON SMALL-CELL LUNG CANCER. ')).toMatchObject({ confidence: 1 });
    expect(therapeuticAreas.resolve('covid19')).toMatchObject({ id: 'covid-19', confidence: 1 });
    expect(therapeuticAreas.resolve("alzheimer's")).toMatchObject({ id: 'alzheimers-disease' });
  });

  it.each([
    ['Stage IIIB unresectable NSCLC', 'non-small-cell-lung-cancer'],
    ['Relapsed/refractory multiple myeloma', 'multiple-myeloma'],
    ['R/R DLBCL', 'diffuse-large-b-cell-lymphoma'],
    ['first-line metastatic pancreatic ductal adenocarcinoma', 'pancreatic-ductal-adenocarcinoma'],
    ['Locally advanced or metastatic urothelial carcinoma', 'urothelial-carcinoma'],
    ['Early breast cancer', 'breast-cancer'],
    ['Moderate-to-severe atopic dermatitis', 'atopic-dermatitis'],
    ['Paediatric acute lymphoblastic leukaemia', 'acute-lymphoblastic-leukaemia'],
    ['Metastatic castration-resistant prostate cancer', 'castration-resistant-prostate-cancer'],
    ['Extensive-stage small cell lung cancer', 'small-cell-lung-cancer'],
    ['Recurrent glioblastoma', 'glioblastoma'],
    ['Adult patients with uncontrolled severe eosinophilic asthma', 'eosinophilic-asthma'],
    ['CKD stage 3', 'chronic-kidney-disease'],
  ])('strips qualifiers from %j to reach %s', (input, id) => {
    expect(resolvedId(input)).toBe(id);
  });

  it.each([
    ['EGFR-mutant NSCLC', 'egfr-mutated-nsclc'],
    ['HER2+ breast cancer', 'her2-positive-breast-cancer'],
    ['HR+/HER2- advanced breast cancer', 'hr-positive-her2-negative-breast-cancer'],
    ['HER2-positive gastric cancer', 'gastric-cancer'],
    ['KRAS G12C-mutated colorectal cancer', 'colorectal-cancer'],
    ['MSI-H/dMMR colorectal cancer', 'colorectal-cancer'],
    ['PD-L1 high non-small cell lung cancer', 'non-small-cell-lung-cancer'],
    ['BRCA-mutated ovarian cancer', 'ovarian-cancer'],
    ['NSCLC with brain metastases', 'non-small-cell-lung-cancer'],
  ])('maps the biomarker-qualified %j to the most specific term, %s', (input, id) => {
    expect(resolvedId(input)).toBe(id);
  });

  it.each([
    ['Leukemia, Myeloid, Acute', 'acute-myeloid-leukaemia'],
    ['Lymphoma, Large B-Cell, Diffuse', 'diffuse-large-b-cell-lymphoma'],
    ['Diabetes Mellitus, Type 2', 'type-2-diabetes'],
    ['Pulmonary Disease, Chronic Obstructive', 'copd'],
    ['Breast cancer, metastatic', 'breast-cancer'],
    ['Cancer of the lung', 'lung-cancer'],
  ])('reads inverted MeSH-style word order in %j as %s', (input, id) => {
    expect(resolvedId(input)).toBe(id);
  });

  it.each([
    ['Lung neoplasm', 'lung-cancer'],
    ['Hepatocellular cancer', 'hepatocellular-carcinoma'],
    ['Pancreatic tumour', 'pancreatic-cancer'],
    ['Malignant neoplasm of breast', 'breast-cancer'],
    ['Renal carcinoma', 'kidney-cancer'],
    ['Gastric malignancy', 'gastric-cancer'],
    ['Cardiac failure', 'heart-failure'],
  ])('treats cancer, carcinoma, neoplasm, tumour and malignancy as one head noun: %j', (input, id) => {
    expect(resolvedId(input)).toBe(id);
  });

  it.each([
    ['Non-small cell lung cancer (NSCLC)', 'non-small-cell-lung-cancer'],
    ['Lung cancer (NSCLC)', 'non-small-cell-lung-cancer'],
    ['Breast cancer (HER2-negative)', 'her2-negative-breast-cancer'],
    ['Lp(a)', 'elevated-lipoprotein-a'],
  ])('reads the parenthesised part of %j', (input, id) => {
    expect(resolvedId(input)).toBe(id);
  });

  it('lowers confidence with each repair so that callers can tell an exact hit from a guess', () => {
    expect(confidenceOf('Colorectal cancer')).toBe(1);
    expect(confidenceOf('Metastatic Colorectal Cancer (CRC)')).toBeLessThan(1);
    expect(confidenceOf('Advanced Solid Malignancies')).toBeLessThan(confidenceOf('Solid malignancies'));
    expect(confidenceOf('Advanced Solid Malignancies')).toBeGreaterThanOrEqual(0.8);
  });

  it('finds a disease inside a longer phrase, preferring the longest and the head noun', () => {
    expect(resolvedId('Lung cancer screening')).toBe('lung-cancer');
    expect(resolvedId('Cancer pain')).toBe('pain');
    expect(therapeuticAreas.resolve('COPD exacerbations').resolved).toBe(true);
  });

  it('repairs a small typo but not a different number', () => {
    expect(resolvedId('Pancreatc cancer')).toBe('pancreatic-cancer');
    // The head noun alone already reads "cancer" at 0.8; the repair lands under it, so it takes that confidence.
    expect(therapeuticAreas.resolve('Pancreatc cancer')).toMatchObject({ confidence: 0.8 });
    expect(resolvedId('Type 3 diabetes')).not.toBe('type-2-diabetes');
  });

  it('does not read an abbreviation that is also a common word inside a phrase', () => {
    expect(resolvedId('all comers basket')).not.toBe('acute-lymphoblastic-leukaemia');
    expect(resolvedId('ALL')).toBe('acute-lymphoblastic-leukaemia');
  });

  it('keeps disease qualifiers out of other vocabularies, where they are meaningful', () => {
    expect(vocabularyIndexes.developmentStages.resolve('Early discovery')).toMatchObject({
      id: 'discovery',
      confidence: 1,
    });
    expect(vocabularyIndexes.modalities.resolve('Antibody-drug conjugates (ADCs)')).toMatchObject({
      id: 'antibody-drug-conjugate',
    });
    expect(vocabularyIndexes.capabilities.resolve('GMP manufacturing of biologics')).toMatchObject({
      id: 'gmp-manufacturing',
    });
  });
});
