import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { CompanyProfileUpsertedV1 } from '#contracts';
import type { CompanyChange, ProjectionsRepository } from '../projections/projections.repository.js';
import { aCompany as exampleCompany } from '../../../../test/factories/company.factory.js';
import { PopulationCorpus } from './population-corpus.js';

const aCompany = (version = 1, id: string = randomUUID()): CompanyProfileUpsertedV1 =>
  ({
    id,
    version,
    createdAt: '2025-11-01T00:00:00.000Z',
    updatedAt: '2025-11-01T00:00:00.000Z',
    source: 'parkmatch',
    ...exampleCompany(),
    unmappedTerms: [],
  }) as CompanyProfileUpsertedV1;

/** A corpus over a projection whose next read returns `pending`, as rows written since the last read. */
const corpusOver = () => {
  let pending: CompanyChange[] = [];
  let latestMs = 0;
  const projections = {
    companiesChangedSince: async () => {
      const changes = pending;
      pending = [];
      latestMs += 1;
      return { changes, latestMs };
    },
  } as unknown as ProjectionsRepository;
  const corpus = new PopulationCorpus(projections);
  const write = async (...companies: CompanyProfileUpsertedV1[]): Promise<void> => {
    pending = companies.map((company) => ({ id: company.id, version: company.version, profile: company }));
    await corpus.current();
  };
  return { corpus, write };
};

describe('PopulationCorpus drift', () => {
  it('has drifted once the changes since it settled exceed the share of the population', async () => {
    const { corpus, write } = corpusOver();
    await write(...Array.from({ length: 40 }, () => aCompany()));
    expect(corpus.drifted(0)).toBe(false); // the first read is the population shortlists were ranked against

    await write(aCompany(), aCompany());
    expect(corpus.documentCount).toBe(42);
    expect(corpus.drifted(0.05)).toBe(false); // 2 changes of 42 companies: under 5%

    await write(aCompany());
    expect(corpus.drifted(0.05)).toBe(true); // 3 of 43: over 5%

    corpus.settle();
    expect(corpus.drifted(0.05)).toBe(false);
  });

  it('counts an update as a change and a row it has already seen as none', async () => {
    const { corpus, write } = corpusOver();
    const company = aCompany(1);
    await write(company);
    await write(company); // read again in the reread window: same version
    expect(corpus.drifted(0)).toBe(false);

    await write(aCompany(2, company.id));
    expect(corpus.documentCount).toBe(1);
    expect(corpus.drifted(0)).toBe(true);
  });
});
