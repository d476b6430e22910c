import { describe, expect, it } from '@jest/globals';
import {
  stripBiomarkers,
  stripCjkBiomarkers,
  stripCjkQualifiers,
  stripDiseaseQualifiers,
  truncateAtClause,
} from './disease-qualifiers.js';
import { normaliseTokens } from './term-normalisation.js';

const strip = (input: string): string => stripDiseaseQualifiers(normaliseTokens(input)).join(' ');
const stripMarkers = (input: string): string => stripBiomarkers(normaliseTokens(input)).join(' ');

describe('disease qualifiers', () => {
  it.each([
    ['Stage IIIB unresectable NSCLC', 'nsclc'],
    ['locally advanced or metastatic urothelial carcinoma', 'or urothelial carcinoma'],
    ['R/R multiple myeloma', 'multiple myeloma'],
    ['2L+ gastric cancer', 'gastric cancer'],
    ['second-line HCC', 'hcc'],
    ['newly diagnosed adult AML', 'aml'],
  ])('strips setting, stage, line and population from %j', (input, expected) => {
    expect(strip(input)).toBe(expected);
  });

  it('keeps words that name a different disease', () => {
    expect(strip('chronic lymphocytic leukaemia')).toBe('chronic lymphocytic leukemia');
    expect(strip('acute myeloid leukaemia')).toBe('acute myeloid leukemia');
    expect(strip('triple-negative breast cancer')).toBe('triple negative breast cancer');
  });

  it.each([
    ['HER2-low breast cancer', 'breast cancer'],
    ['KRAS G12C-mutated NSCLC', 'nsclc'],
    ['EGFR exon 20 insertion NSCLC', 'nsclc'],
    ['ER+ HER2- breast cancer', 'breast cancer'],
    ['PD-L1 high gastric cancer', 'gastric cancer'],
  ])('strips biomarker phrases from %j', (input, expected) => {
    expect(stripMarkers(input)).toBe(expected);
  });

  it('keeps status words that follow no biomarker', () => {
    expect(stripMarkers('triple negative breast cancer')).toBe('triple negative breast cancer');
  });

  it('drops a trailing clause but never the first word', () => {
    expect(truncateAtClause(normaliseTokens('NSCLC with brain metastases after osimertinib'))).toEqual(['nsclc']);
    expect(truncateAtClause(normaliseTokens('with'))).toEqual(['with']);
  });

  it('strips Chinese qualifiers and biomarkers', () => {
    expect(stripCjkQualifiers('晚期非小细胞肺癌一线治疗')).toBe('非小细胞肺癌');
    expect(stripCjkQualifiers('iv期胃癌患者')).toBe('胃癌');
    expect(stripCjkBiomarkers('her2阳性胃癌')).toBe('胃癌');
  });
});
