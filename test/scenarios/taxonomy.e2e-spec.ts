import { describe, expect, it } from '@jest/globals';
import { aCompany } from '../factories/company.factory.js';
import { http } from '../utils/http.js';
import { ServiceProcess, useServices } from '../utils/service-process.js';
import { MESSY_CRC_RESOLUTION, NSCLC_TERM } from '../../libs/profiles/src/taxonomy/taxonomy.fixture.js';
import type {
  TaxonomyCatalogue as Catalogue,
  TaxonomyTerm as Term,
} from '../../libs/profiles/src/taxonomy/taxonomy.dto.js';

interface Resolution {
  input: string;
  vocabulary: string | null;
  resolved: boolean;
  id?: string;
  label?: string;
  labelZh?: string;
  confidence?: number;
  suggestions?: { id: string; label: string; score: number }[];
}

interface ErrorBody {
  statusCode: number;
  code: string;
  errors?: { field: string; message: string; suggestions?: { id: string; label: string }[] }[];
}

const VOCABULARY_NAMES = [
  'therapeuticAreas',
  'modalities',
  'developmentStages',
  'sectors',
  'organisationTypes',
  'capabilities',
  'collaborationTypes',
  'offerings',
  'partnerNetworks',
  'targets',
];

describe('taxonomy API on companies and rd-needs', () => {
  const companies = new ServiceProcess('companies', 11);
  const needs = new ServiceProcess('rd-needs', 12);

  useServices(companies, needs);

  const services = (): [string, ServiceProcess][] => [
    ['companies', companies],
    ['rd-needs', needs],
  ];

  const resolve = (service: ServiceProcess, body: unknown) =>
    http<{ results: Resolution[] }>(`${service.url}/taxonomy/resolve`, 'POST', body);

  describe.each(['companies', 'rd-needs'])('on %s', (serviceName) => {
    const service = (): ServiceProcess => (serviceName === 'companies' ? companies : needs);

    it('lists every vocabulary with its version, shape and term count', async () => {
      const response = await http<Catalogue>(`${service().url}/taxonomy`);
      expect(response.status).toBe(200);
      expect(response.body.vocabularyVersion).toMatch(/^\d{4}\.\d+\.\d+$/);
      expect(response.body.vocabularies.map((vocabulary) => vocabulary.name)).toEqual(VOCABULARY_NAMES);
      const byName = new Map(response.body.vocabularies.map((vocabulary) => [vocabulary.name, vocabulary]));
      expect(byName.get('therapeuticAreas')).toMatchObject({ hierarchical: true, ordered: false });
      expect(byName.get('developmentStages')).toMatchObject({ ordered: true });
      for (const vocabulary of response.body.vocabularies) expect(vocabulary.termCount).toBeGreaterThan(0);
    });

    it('answers every term of a vocabulary', async () => {
      const catalogue = await http<Catalogue>(`${service().url}/taxonomy`);
      const response = await http<{ name: string; terms: Term[] }>(`${service().url}/taxonomy/therapeuticAreas`);
      expect(response.status).toBe(200);
      expect(response.body.name).toBe('therapeuticAreas');
      expect(response.body.terms).toHaveLength(
        catalogue.body.vocabularies.find((vocabulary) => vocabulary.name === 'therapeuticAreas')?.termCount ?? -1,
      );
      expect(response.body.terms.find((term) => term.id === 'non-small-cell-lung-cancer')).toEqual(NSCLC_TERM);
      const ids = new Set(response.body.terms.map((term) => term.id));
      for (const term of response.body.terms) if (term.parent !== null) expect(ids).toContain(term.parent);

      const stages = await http<{ terms: Term[] }>(`${service().url}/taxonomy/developmentStages`);
      const rank = (id: string) => stages.body.terms.find((term) => term.id === id)?.rank;
      expect(rank('phase-1')).toBeGreaterThan(rank('preclinical') ?? Number.POSITIVE_INFINITY);
    });

    it('answers 404 TAXONOMY.NOT_FOUND for an unknown vocabulary', async () => {
      const response = await http<ErrorBody>(`${service().url}/taxonomy/diseases`);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'TAXONOMY.NOT_FOUND' });
    });

    it('resolves messy English and Chinese terms in one vocabulary', async () => {
      const response = await resolve(service(), {
        terms: ['Metastatic Colorectal Cancer (CRC)', '结直肠癌', '晚期非小细胞肺癌', 'NSCLC'],
        vocabulary: 'therapeuticAreas',
      });
      expect(response.status).toBe(200);
      expect(response.body.results).toEqual([
        MESSY_CRC_RESOLUTION,
        expect.objectContaining({ input: '结直肠癌', resolved: true, id: 'colorectal-cancer', confidence: 1 }),
        expect.objectContaining({ input: '晚期非小细胞肺癌', resolved: true, id: 'non-small-cell-lung-cancer' }),
        expect.objectContaining({ input: 'NSCLC', resolved: true, id: 'non-small-cell-lung-cancer', confidence: 1 }),
      ]);
      const [messy] = response.body.results;
      expect(messy?.confidence).toBeLessThan(1);
      expect(messy?.confidence).toBeGreaterThan(0.5);
    });

    it('finds the vocabulary of each term when none is given', async () => {
      const response = await resolve(service(), { terms: ['NSCLC', 'ADC', '临床前', 'diagnostics', 'CRO'] });
      expect(response.status).toBe(200);
      expect(response.body.results.map((result) => [result.input, result.vocabulary, result.id])).toEqual([
        ['NSCLC', 'therapeuticAreas', 'non-small-cell-lung-cancer'],
        ['ADC', 'modalities', 'antibody-drug-conjugate'],
        ['临床前', 'developmentStages', 'preclinical'],
        ['diagnostics', 'sectors', 'diagnostics'],
        ['CRO', 'organisationTypes', 'cro'],
      ]);
    });

    it('suggests terms of the vocabulary for a term it cannot resolve', async () => {
      const response = await resolve(service(), { terms: ['frobnicated lung thing'], vocabulary: 'therapeuticAreas' });
      expect(response.status).toBe(200);
      const [result] = response.body.results;
      expect(result).toMatchObject({
        input: 'frobnicated lung thing',
        vocabulary: 'therapeuticAreas',
        resolved: false,
      });
      expect(result?.id).toBeUndefined();
      expect(result?.suggestions?.length).toBeGreaterThan(0);
      expect(result?.suggestions?.map((suggestion) => suggestion.id)).toContain('lung-cancer');
      const scores = result?.suggestions?.map((suggestion) => suggestion.score) ?? [];
      expect(scores).toEqual([...scores].sort((a, b) => b - a));

      const terms = await http<{ terms: Term[] }>(`${service().url}/taxonomy/therapeuticAreas`);
      const known = new Map(terms.body.terms.map((term) => [term.id, term.label]));
      for (const suggestion of result?.suggestions ?? []) expect(known.get(suggestion.id)).toBe(suggestion.label);
    });

    it.each([
      ['an empty terms array', { terms: [] }, 'terms'],
      ['no terms', { vocabulary: 'therapeuticAreas' }, 'terms'],
      ['51 terms', { terms: Array.from({ length: 51 }, (_, index) => `term ${index}`) }, 'terms'],
      ['a term longer than 120 characters', { terms: ['lung cancer '.repeat(11)] }, 'terms'],
      ['200 terms of 200 characters', { terms: Array.from({ length: 200 }, () => 'x'.repeat(200)) }, 'terms'],
      ['an unknown vocabulary', { terms: ['NSCLC'], vocabulary: 'diseases' }, 'vocabulary'],
      ['an unknown field', { terms: ['NSCLC'], fuzzy: true }, 'fuzzy'],
    ])('answers 400 naming the field for %s', async (_case, body, field) => {
      const response = await http<ErrorBody>(`${service().url}/taxonomy/resolve`, 'POST', body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION.FAILED');
      expect([...new Set(response.body.errors?.map((problem) => problem.field))]).toEqual([field]);
    });
  });

  it('answers the same taxonomy on both services', async () => {
    const [fromCompanies, fromNeeds] = await Promise.all(
      services().map(([, service]) => http(`${service.url}/taxonomy/capabilities`)),
    );
    expect(fromCompanies?.status).toBe(200);
    expect(fromNeeds?.body).toEqual(fromCompanies?.body);
  });

  it('resolves a term to the id a company write stores, and suggests what a rejected write suggests', async () => {
    const [resolved, unknown] = (
      await resolve(companies, {
        terms: ['Metastatic Colorectal Cancer (CRC)', 'frobnicated lung thing'],
        vocabulary: 'therapeuticAreas',
      })
    ).body.results;

    const created = await http<{ therapeuticAreas: string[] }>(
      `${companies.url}/companies`,
      'POST',
      aCompany({ therapeuticAreas: ['Metastatic Colorectal Cancer (CRC)'] }),
    );
    expect(created.status).toBe(201);
    expect(created.body.therapeuticAreas).toEqual([resolved?.id]);

    const rejected = await http<ErrorBody>(
      `${companies.url}/companies`,
      'POST',
      aCompany({ therapeuticAreas: ['oncology', 'frobnicated lung thing'] }),
    );
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors?.[0]).toMatchObject({ field: 'therapeuticAreas[1]' });
    expect(rejected.body.errors?.[0]?.suggestions?.map((suggestion) => suggestion.id)).toEqual(
      unknown?.suggestions?.map((suggestion) => suggestion.id),
    );
  });
});
