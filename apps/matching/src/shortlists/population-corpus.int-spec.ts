import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CompanyProfileUpsertedV1 } from '#contracts';
import { serviceDataSourceOptions, TransactionOutcomes } from '#platform';
import { aCompany } from '../../../../test/factories/company.factory.js';
import { testEnv } from '../../../../test/utils/test-env.js';
import { matchingDataSource } from '../database/matching.data-source.js';
import { ProjectionsRepository } from '../projections/projections.repository.js';
import { PopulationCorpus } from './population-corpus.js';

/** A word no other company in the shared test database uses: letters only, so it stays one token. */
const uniqueWord = (): string =>
  `zq${randomUUID()
    .replace(/[^a-f]/gu, '')
    .slice(0, 12)}vex`;

const company = (id: string, version: number, word: string): CompanyProfileUpsertedV1 => {
  const now = new Date().toISOString();
  return {
    ...aCompany({ description: `Work on ${word} assays.` }),
    id,
    version,
    createdAt: now,
    updatedAt: now,
    unmappedTerms: [],
  };
};

describe('PopulationCorpus against Postgres', () => {
  let dataSource: DataSource;
  let projections: ProjectionsRepository;
  let outcomes: TransactionOutcomes;

  beforeAll(async () => {
    dataSource = await new DataSource(
      serviceDataSourceOptions({ ...matchingDataSource(testEnv().databaseUrl), poolSize: 4 }),
    ).initialize();
    projections = new ProjectionsRepository(dataSource);
    outcomes = new TransactionOutcomes(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('picks up a write committed after a read that its transaction began before', async () => {
    const corpus = new PopulationCorpus(projections, outcomes);
    const word = uniqueWord();
    await corpus.current();

    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await projections.upsertCompany(runner.manager, company(randomUUID(), 1, word));
      // A read while the writer is still open cannot see its row...
      await corpus.current();
      expect(corpus.documentFrequency(word)).toBe(0);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    // ...and the next one does, however long the writer took.
    await corpus.current();
    expect(corpus.documentFrequency(word)).toBe(1);
  });

  it('follows new versions and removals, and equals a corpus loaded from scratch', async () => {
    const corpus = new PopulationCorpus(projections, outcomes);
    await corpus.current();
    const [before, after, gone] = [uniqueWord(), uniqueWord(), uniqueWord()];
    const kept = randomUUID();
    const removed = randomUUID();
    await dataSource.transaction(async (manager) => {
      await projections.upsertCompany(manager, company(kept, 1, before));
      await projections.upsertCompany(manager, company(removed, 1, gone));
    });
    await corpus.current();
    expect([before, gone].map((word) => corpus.documentFrequency(word))).toEqual([1, 1]);

    await dataSource.transaction(async (manager) => {
      await projections.upsertCompany(manager, company(kept, 2, after));
      await projections.removeCompany(manager, removed, 2);
    });
    await corpus.current();
    expect([before, after, gone].map((word) => corpus.documentFrequency(word))).toEqual([0, 1, 0]);

    const fresh = await new PopulationCorpus(projections, outcomes).current();
    // Other tests write companies to the same database meanwhile: compare on this test's own words.
    expect([before, after, gone].map((word) => fresh.documentFrequency(word))).toEqual([0, 1, 0]);
  });

  it('reads again after a transaction whose own writes it applied does not commit', async () => {
    const corpus = new PopulationCorpus(projections, outcomes);
    const word = uniqueWord();
    await corpus.current();

    await expect(
      dataSource.transaction(async (manager) => {
        await projections.upsertCompany(manager, company(randomUUID(), 1, word));
        // Inside its transaction a rescore ranks against the company it is writing...
        await corpus.current(manager);
        expect(corpus.documentFrequency(word)).toBe(1);
        throw new Error('the handler failed after the write');
      }),
    ).rejects.toThrow('the handler failed');

    // ...which never existed once the transaction rolled back.
    await corpus.current();
    expect(corpus.documentFrequency(word)).toBe(0);
  });
});
