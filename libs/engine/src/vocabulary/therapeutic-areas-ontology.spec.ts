import { describe, expect, it } from '@jest/globals';
import { vocabularyIndexes } from './vocabulary-index.js';

const therapeuticAreas = vocabularyIndexes.therapeuticAreas;
const CURATED_TOP_LEVELS = [
  'oncology',
  'cardiovascular-renal-metabolism',
  'respiratory-and-immunology',
  'neuroscience',
  'infection',
  'vaccines',
  'rare-diseases',
  'ophthalmology',
];

describe('therapeuticAreas over the Human Disease Ontology', () => {
  it('accepts the DOID id of a curated term as an alias everywhere', () => {
    expect(therapeuticAreas.canonicalId('DOID:3908')).toBe('non-small-cell-lung-cancer');
    expect(therapeuticAreas.has('DOID:3908')).toBe(true);
    expect(therapeuticAreas.get('DOID:3908')?.id).toBe('non-small-cell-lung-cancer');
    expect(therapeuticAreas.ancestors('DOID:3908')).toContain('oncology');
    expect(therapeuticAreas.isDescendantOrSelf('DOID:3910', 'DOID:162')).toBe(true);
    expect(therapeuticAreas.isDescendantOrSelf('lung-adenocarcinoma', 'DOID:3908')).toBe(true);
    expect(therapeuticAreas.resolve('DOID:3908')).toMatchObject({ resolved: true, id: 'non-small-cell-lung-cancer' });
  });

  it('keeps every other DOID concept under its own DOID id', () => {
    expect(therapeuticAreas.get('DOID:3277')?.label).toBe('thymus cancer');
    expect(therapeuticAreas.canonicalId('DOID:99999999')).toBeUndefined();
  });

  it('keeps the curated top levels as roots and hangs cancers of an organ under oncology', () => {
    for (const id of CURATED_TOP_LEVELS) expect(therapeuticAreas.depth(id)).toBe(0);
    expect(therapeuticAreas.ancestors('DOID:3277')).toContain('oncology'); // thymus cancer, also an immune organ
    expect(therapeuticAreas.ancestors('DOID:3277')).not.toContain('respiratory-and-immunology');
  });

  it('puts infections, eye diseases and nervous system diseases under their areas', () => {
    expect(therapeuticAreas.ancestors('DOID:14067')).toContain('infection'); // Plasmodium falciparum malaria
    expect(therapeuticAreas.ancestors('DOID:4677')).toContain('ophthalmology'); // keratitis
    expect(therapeuticAreas.ancestors('DOID:2055')).toContain('neuroscience'); // post-traumatic stress disorder
  });
});
