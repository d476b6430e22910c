import { describe, expect, it } from '@jest/globals';
import { lifeScienceTokens } from './life-science-tokens.js';

describe('life-science tokens', () => {
  it('joins asset codes written with a space, a hyphen or nothing', () => {
    expect(lifeScienceTokens('AZD 9291, AZD-9291 and AZD9291')).toEqual(['azd9291', 'azd9291', 'azd9291']);
    expect(lifeScienceTokens('BI 764198 for COVID-19')).toEqual(['bi764198', 'covid19']);
  });

  it('joins target names with their numbers but leaves ordinary words and single digits apart', () => {
    expect(lifeScienceTokens('IL-17, HER-2 and CD 19')).toEqual(['il17', 'her2', 'cd19']);
    expect(lifeScienceTokens('Phase 2 study of type 2 diabetes')).toEqual(['phase', 'study', 'type', 'diabetes']);
  });

  it('spells British as American and names Greek letters', () => {
    expect(lifeScienceTokens('Paediatric tumours of the oesophagus')).toEqual(['pediatric', 'tumor', 'esophagus']);
    expect(lifeScienceTokens('TNF-α')).toEqual(['tnf', 'alpha']);
  });

  it('folds plurals without breaking words that only look plural', () => {
    expect(lifeScienceTokens('studies diseases viruses analysis diabetes')).toEqual([
      'study',
      'disease',
      'virus',
      'analysis',
      'diabetes',
    ]);
  });

  it('adds the INN stem of a drug name', () => {
    expect(lifeScienceTokens('osimertinib pembrolizumab')).toEqual([
      'osimertinib',
      '~tinib',
      'pembrolizumab',
      '~zumab',
    ]);
    expect(lifeScienceTokens('concept')).toEqual(['concept']);
  });

  it('splits Chinese into character bigrams and drops stopwords', () => {
    expect(lifeScienceTokens('肺癌 in the lung')).toEqual(['肺癌', 'lung']);
  });
});
