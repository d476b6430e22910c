import { describe, expect, it } from '@jest/globals';
import {
  bagKey,
  cjkLooseKey,
  foldText,
  invertCommaSegments,
  looseTokens,
  normaliseTerm,
  normaliseTokens,
  parentheticalVariants,
} from './term-normalisation.js';
import { vocabularyIndexes } from './vocabulary-index.js';

describe('normaliseTerm', () => {
  it('folds case, diacritics, apostrophes and punctuation', () => {
    expect(normaliseTerm('  Non-Small-Cell   LUNG cancer. ')).toBe('non small cell lung cancer');
    expect(normaliseTerm("Sjögren's")).toBe(normaliseTerm('Sjogrens'));
    expect(normaliseTerm('Ｃｏｖｉｄ－１９')).toBe('covid 19');
  });

  it('spells biomarker signs out instead of dropping them', () => {
    expect(foldText('HER2+ breast cancer')).toBe('her2 positive breast cancer');
    expect(foldText('HR+/HER2- BC')).toBe('hr positive her2 negative bc');
    expect(foldText('non-small-cell')).toBe('non small cell');
  });

  it.each([
    ['tumour', 'tumor'],
    ['haematological', 'hematologic'],
    ['oesophageal', 'esophageal'],
    ['anaemia', 'anemia'],
    ['leukaemia', 'leukemia'],
    ['paediatric', 'pediatric'],
    ['oestrogen', 'estrogen'],
    ['coeliac', 'celiac'],
    ['ischaemic', 'ischemic'],
    ['optimisation', 'optimization'],
    ['commercialised', 'commercialized'],
    ['analyse', 'analyze'],
    ['centre', 'center'],
    ['programme', 'program'],
    ['licence', 'license'],
    ['modelling', 'modeling'],
    ['analogue', 'analog'],
    ['diarrhoea', 'diarrhea'],
  ])('meets the British %s and the American %s', (british, american) => {
    expect(normaliseTerm(british)).toBe(normaliseTerm(american));
  });

  it.each([
    ['neoplasms', 'neoplasm'],
    ['therapies', 'therapy'],
    ['antibodies', 'antibody'],
    ['ADCs', 'ADC'],
    ['viruses', 'virus'],
    ['metastases', 'metastasis'],
    ['diseases', 'disease'],
    ['leukaemias', 'leukaemia'],
  ])('reads the plural %s as %s', (plural, singular) => {
    expect(normaliseTerm(plural)).toBe(normaliseTerm(singular));
  });

  it('leaves singular words that end in s alone', () => {
    for (const word of ['sepsis', 'lupus', 'mellitus', 'pertussis', 'psoriasis'])
      expect(normaliseTerm(word)).toBe(word);
  });

  it('reads Roman numerals as digits, with a trial sub-phase letter', () => {
    expect(normaliseTerm('Phase IIb')).toBe('phase 2b');
    expect(normaliseTerm('Stage IV')).toBe('stage 4');
    expect(normaliseTerm('type II diabetes')).toBe(normaliseTerm('type 2 diabetes'));
    expect(normaliseTerm('hepatitis C')).toBe('hepatitis c');
  });

  it('keeps Chinese text whole and Greek letters as words', () => {
    expect(normaliseTokens('HER2 阳性乳腺癌')).toEqual(['her2', '阳性乳腺癌']);
    expect(normaliseTerm('β-thalassaemia')).toBe('beta thalassemia');
  });
});

describe('loose keys', () => {
  it('merges head nouns and organ adjectives and drops filler and generic words', () => {
    expect(looseTokens(normaliseTokens('malignant neoplasm of the lung'))).toEqual(['cancer', 'lung']);
    expect(looseTokens(normaliseTokens('renal carcinoma'))).toEqual(looseTokens(normaliseTokens('kidney cancer')));
    expect(looseTokens(normaliseTokens("Parkinson's disease"))).toEqual(['parkinson']);
    expect(looseTokens(normaliseTokens('disease'))).toEqual(['disease']);
  });

  it('ignores word order in the bag key', () => {
    const inverted = bagKey(looseTokens(normaliseTokens('Diabetes Mellitus, Type 2')));
    expect(inverted).toBe(bagKey(looseTokens(normaliseTokens('type 2 diabetes'))));
  });

  it('merges Chinese tumour words and drops a closing 病 or 症', () => {
    expect(cjkLooseKey('肺恶性肿瘤')).toBe('肺癌');
    expect(cjkLooseKey('阿尔茨海默症')).toBe(cjkLooseKey('阿尔茨海默病'));
    expect(cjkLooseKey('肾病')).toBe('肾病');
  });
});

describe('input variants', () => {
  it('inverts comma-separated MeSH headings', () => {
    expect(invertCommaSegments('Leukemia, Myeloid, Acute')).toBe('Acute Myeloid Leukemia');
    expect(invertCommaSegments('Lung cancer')).toBeUndefined();
  });

  it('reads a parenthesised abbreviation and the remainder, but not a parenthesis inside a word', () => {
    expect(parentheticalVariants('Metastatic Colorectal Cancer (CRC)')).toEqual([
      'CRC',
      'Metastatic Colorectal Cancer',
      'CRC Metastatic Colorectal Cancer',
      'Metastatic Colorectal Cancer CRC',
    ]);
    expect(parentheticalVariants('Lp(a)')).toEqual([]);
    expect(parentheticalVariants('非小细胞肺癌（NSCLC）')[0]).toBe('NSCLC');
  });
});

describe('VocabularyIndex across spellings', () => {
  it.each([
    ['therapeuticAreas', 'Hematologic malignancies', 'haematological-malignancies'],
    ['therapeuticAreas', 'Esophageal cancer', 'oesophageal-cancer'],
    ['therapeuticAreas', 'Acute myeloid leukemia', 'acute-myeloid-leukaemia'],
    ['therapeuticAreas', 'Hypercholesterolemia', 'hypercholesterolaemia'],
    ['therapeuticAreas', 'Pediatric solid tumors', 'solid-tumours'],
    ['therapeuticAreas', 'Hemophilia A', 'haemophilia-a'],
    ['developmentStages', 'Lead optimization', 'lead-optimisation'],
    ['capabilities', 'Process optimization', 'process-development'],
    ['collaborationTypes', 'License agreement', 'licensing'],
  ] as const)('resolves the %s spelling %j', (name, input, id) => {
    expect(vocabularyIndexes[name].resolve(input)).toMatchObject({ resolved: true, id });
  });

  it.each([
    ['therapeuticAreas', 'Lymphomas', 'lymphoma'],
    ['therapeuticAreas', 'Solid tumours', 'solid-tumours'],
    ['modalities', 'Bispecific antibodies', 'bispecific-antibody'],
    ['organisationTypes', 'CROs', 'cro'],
  ] as const)('resolves the %s plural %j at full confidence', (name, input, id) => {
    expect(vocabularyIndexes[name].resolve(input)).toMatchObject({ resolved: true, id, confidence: 1 });
  });
});
