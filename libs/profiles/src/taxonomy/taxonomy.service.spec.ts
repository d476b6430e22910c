import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { VOCABULARIES, VOCABULARY_NAMES, VOCABULARY_VERSION } from '#engine';
import { NotFoundError } from '#platform';
import { TaxonomyService } from './taxonomy.service.js';
import { MESSY_CRC_RESOLUTION, NSCLC_TERM } from './taxonomy.fixture.js';

const taxonomy = new TaxonomyService();

describe('TaxonomyService.catalogue', () => {
  it('lists every vocabulary with its version, shape and term count, and the release of the set', () => {
    const catalogue = taxonomy.catalogue();
    expect(catalogue.vocabularyVersion).toBe(VOCABULARY_VERSION);
    expect(catalogue.vocabularies.map((vocabulary) => vocabulary.name)).toEqual(VOCABULARY_NAMES);
    for (const summary of catalogue.vocabularies) {
      const vocabulary = VOCABULARIES[summary.name];
      expect(summary).toEqual({
        name: vocabulary.name,
        version: vocabulary.version,
        hierarchical: vocabulary.hierarchical,
        ordered: vocabulary.ordered,
        termCount: vocabulary.terms.length,
      });
      expect(summary.termCount).toBeGreaterThan(0);
    }
  });
});

describe('TaxonomyService.vocabulary', () => {
  it('answers every term of a hierarchical vocabulary with parent and xrefs, null where a term has none', () => {
    const detail = taxonomy.vocabulary('therapeuticAreas');
    expect(detail.terms).toHaveLength(VOCABULARIES.therapeuticAreas.terms.length);
    expect(detail.terms.find((term) => term.id === 'non-small-cell-lung-cancer')).toEqual(NSCLC_TERM);
    expect(detail.terms.find((term) => term.id === 'oncology')?.parent).toBeNull();
  });

  it('answers ranks for an ordered vocabulary', () => {
    const stages = taxonomy.vocabulary('developmentStages');
    expect(stages.ordered).toBe(true);
    const rank = (id: string) => stages.terms.find((term) => term.id === id)?.rank;
    expect(rank('preclinical')).toEqual(expect.any(Number));
    expect(rank('phase-1')).toBeGreaterThan(rank('preclinical') ?? Number.POSITIVE_INFINITY);
  });

  it.each(['unknown', 'constructor', '__proto__', 'THERAPEUTICAREAS'])(
    'throws TAXONOMY.NOT_FOUND (404) for %s',
    (name) => {
      expect(() => taxonomy.vocabulary(name)).toThrow(NotFoundError);
      try {
        taxonomy.vocabulary(name);
      } catch (error) {
        expect(error).toMatchObject({ code: 'TAXONOMY.NOT_FOUND', status: 404 });
      }
    },
  );
});

describe('TaxonomyService.resolve in one vocabulary', () => {
  it('maps messy English and Chinese terms to ids with their labels and confidence, in input order', () => {
    const results = taxonomy.resolve(
      ['Metastatic Colorectal Cancer (CRC)', '非小细胞肺癌', 'NSCLC'],
      'therapeuticAreas',
    );
    expect(results).toEqual([
      MESSY_CRC_RESOLUTION,
      expect.objectContaining({
        input: '非小细胞肺癌',
        resolved: true,
        id: 'non-small-cell-lung-cancer',
        confidence: 1,
      }),
      expect.objectContaining({ input: 'NSCLC', resolved: true, id: 'non-small-cell-lung-cancer', confidence: 1 }),
    ]);
    const [repaired] = results;
    expect(repaired?.resolved && repaired.confidence).toBeLessThan(1);
  });

  it('answers an unknown term with suggestions from that vocabulary', () => {
    const [result] = taxonomy.resolve(['frobnicated lung thing'], 'therapeuticAreas');
    expect(result).toMatchObject({ input: 'frobnicated lung thing', vocabulary: 'therapeuticAreas', resolved: false });
    expect(result?.resolved === false && result.suggestions.map((suggestion) => suggestion.id)).toContain(
      'lung-cancer',
    );
  });

  it('does not look outside the vocabulary it was given', () => {
    const [result] = taxonomy.resolve(['NSCLC'], 'modalities');
    expect(result).toMatchObject({ vocabulary: 'modalities', resolved: false });
  });
});

describe('TaxonomyService.resolve across vocabularies', () => {
  it('finds the vocabulary a term belongs to', () => {
    const results = taxonomy.resolve(['NSCLC', 'ADC', '临床前', 'BioIndustry Association']);
    expect(results.map((result) => result.resolved && [result.vocabulary, result.id])).toEqual([
      ['therapeuticAreas', 'non-small-cell-lung-cancer'],
      ['modalities', 'antibody-drug-conjugate'],
      ['developmentStages', 'preclinical'],
      ['partnerNetworks', 'uk-bioindustry-association'],
    ]);
  });

  it('prefers the vocabulary whose term the input names exactly when two are equally confident', () => {
    const [inOwnVocabulary] = taxonomy.resolve(['diagnostics'], 'modalities');
    expect(inOwnVocabulary).toMatchObject({ resolved: true, id: 'diagnostic', confidence: 1 });
    const [anywhere] = taxonomy.resolve(['diagnostics']);
    expect(anywhere).toMatchObject({ resolved: true, vocabulary: 'sectors', id: 'diagnostics', confidence: 1 });
  });

  it('keeps the most confident hit', () => {
    const [anywhere] = taxonomy.resolve(['Metastatic Colorectal Cancer (CRC)']);
    const best = Math.max(
      ...VOCABULARY_NAMES.flatMap((name) => {
        const [result] = taxonomy.resolve(['Metastatic Colorectal Cancer (CRC)'], name);
        return result?.resolved ? [result.confidence] : [];
      }),
    );
    expect(anywhere).toMatchObject({ resolved: true, vocabulary: 'therapeuticAreas', confidence: best });
  });

  it('answers an unknown term with the suggestions of the closest vocabulary', () => {
    const [result] = taxonomy.resolve(['frobnicated lung thing']);
    expect(result).toMatchObject({ resolved: false, vocabulary: 'therapeuticAreas' });
    expect(result?.resolved === false && result.suggestions.length).toBeGreaterThan(0);
  });

  it('answers vocabulary null and no suggestions when nothing is close', () => {
    expect(taxonomy.resolve(['zzqx'])).toEqual([{ input: 'zzqx', vocabulary: null, resolved: false, suggestions: [] }]);
  });
});
