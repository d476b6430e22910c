import { expect } from '@jest/globals';

/** Non-small cell lung cancer as the taxonomy answers it in a vocabulary's term list. */
export const NSCLC_TERM = {
  id: 'non-small-cell-lung-cancer',
  label: 'Non-small cell lung cancer',
  labelZh: '非小细胞肺癌',
  synonyms: expect.arrayContaining(['NSCLC']),
  parent: 'lung-cancer',
  xrefs: expect.arrayContaining(['MESH:D002289']),
  rank: null,
};

/** The resolution of a messy colorectal-cancer term: resolved, with the term's labels, at a confidence below 1. */
export const MESSY_CRC_RESOLUTION = {
  input: 'Metastatic Colorectal Cancer (CRC)',
  vocabulary: 'therapeuticAreas',
  resolved: true,
  id: 'colorectal-cancer',
  label: 'Colorectal cancer',
  labelZh: '结直肠癌',
  confidence: expect.any(Number),
};
