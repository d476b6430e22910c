import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { testEnv } from '../../../../test/utils/test-env.js';
import { TransactionOutcomes, type TransactionOutcome } from './transaction-outcomes.js';

describe('TransactionOutcomes against Postgres', () => {
  let dataSource: DataSource;
  let outcomes: TransactionOutcomes;

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'postgres', url: testEnv().databaseUrl, poolSize: 2 }).initialize();
    outcomes = new TransactionOutcomes(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  /** Runs `work` in a transaction watched from its first statement; resolves to how it ended. */
  const outcomeOf = async (work: (manager: DataSource['manager']) => Promise<void>): Promise<TransactionOutcome[]> => {
    const seen: TransactionOutcome[] = [];
    await dataSource
      .transaction(async (manager) => {
        outcomes.onEnd(manager, (outcome) => seen.push(outcome));
        await work(manager);
      })
      .catch(() => undefined);
    return seen;
  };

  it('tells a commit once the transaction has committed', async () => {
    expect(await outcomeOf(async (manager) => void (await manager.query('SELECT 1')))).toEqual(['committed']);
  });

  it('tells a rollback when the work fails', async () => {
    const seen = await outcomeOf(async () => {
      throw new Error('handler failed');
    });

    expect(seen).toEqual(['rolled-back']);
  });

  it('cannot vouch for a commit after a rollback to a savepoint', async () => {
    const seen = await outcomeOf(async (manager) => {
      await manager
        .transaction(async () => {
          throw new Error('inner work failed');
        })
        .catch(() => undefined);
    });

    expect(seen).toEqual(['unknown']);
  });

  it('ends as unknown a transaction whose connection was released without ending it', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    const seen: TransactionOutcome[] = [];
    outcomes.onEnd(runner.manager, (outcome) => seen.push(outcome));
    // Ended behind TypeORM's back, as when the database goes away mid-commit: no hook runs.
    await runner.query('ROLLBACK');
    await runner.release();
    outcomes.sweep();

    expect(seen).toEqual(['unknown']);
  });

  it('refuses to watch a manager outside a transaction', () => {
    expect(() => outcomes.onEnd(dataSource.manager, () => undefined)).toThrow('inside a transaction');
  });
});
