import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import type { RdNeedUpsertedV1 } from '#contracts';
import type { TransactionOutcome, TransactionOutcomes } from '#platform';
import type { DecisionsRepository, Decline } from '../decisions/decisions.repository.js';
import type { ProjectionsRepository } from '../projections/projections.repository.js';
import { ShortlistMemory } from './shortlist-memory.js';
import type { ShortlistsRepository, VersionedShortlistRow } from './shortlists.repository.js';

/** Transactions as the memory sees them: a query runner to hold, and an end that the test decides. */
class FakeTransactions {
  private readonly ends = new Map<object, (outcome: TransactionOutcome) => void>();
  readonly outcomes = {
    onEnd: (manager: EntityManager, callback: (outcome: TransactionOutcome) => void) =>
      this.ends.set(manager.queryRunner!, callback),
    sweep: () => undefined,
  } as unknown as TransactionOutcomes;

  begin(): EntityManager {
    return { queryRunner: { isTransactionActive: true } } as unknown as EntityManager;
  }

  end(manager: EntityManager, outcome: TransactionOutcome): void {
    this.ends.get(manager.queryRunner!)!(outcome);
  }
}

const need = (id: string): RdNeedUpsertedV1 => ({ id, version: 1, status: 'open' }) as RdNeedUpsertedV1;
const row = (companyId: string, rank: number): VersionedShortlistRow => ({
  companyId,
  rank,
  score: 1 / rank,
  eligible: true,
  algorithmVersion: 'v',
});

/** A memory over fixed projections; `loads` counts how often it read them. */
const memoryOver = (stored: {
  needs: RdNeedUpsertedV1[];
  shortlists: Map<string, VersionedShortlistRow[]>;
  declines: Decline[];
}) => {
  const transactions = new FakeTransactions();
  const counter = { loads: 0, generation: 0 };
  const projections = {
    openNeeds: async () => {
      counter.loads += 1;
      return stored.needs;
    },
  } as unknown as ProjectionsRepository;
  const shortlists = {
    lockForUpdate: async () => undefined,
    nextGeneration: async () => (counter.generation += 1),
    forNeeds: async () => new Map(stored.shortlists),
  } as unknown as ShortlistsRepository;
  const decisions = { declines: async () => stored.declines } as unknown as DecisionsRepository;
  const memory = new ShortlistMemory(transactions.outcomes, projections, shortlists, decisions);
  return { memory, transactions, counter };
};

describe('ShortlistMemory', () => {
  const stored = () => ({
    needs: [need('n1')],
    shortlists: new Map([['n1', [row('c1', 1)]]]),
    declines: [{ needId: 'n1', companyId: 'c9', companyVersion: 3 }],
  });

  it('loads the projections once and keeps what committed transactions changed', async () => {
    const { memory, transactions, counter } = memoryOver(stored());
    const first = transactions.begin();
    await memory.enter(first);
    memory.openNeed(need('n2'));
    memory.replaceShortlist('n1', [row('c2', 1), row('c1', 2)]);
    transactions.end(first, 'committed');

    const second = transactions.begin();
    await memory.enter(second);
    expect(memory.openNeeds().map((open) => open.id)).toEqual(['n1', 'n2']);
    expect(memory.shortlist('n1').map((entry) => entry.companyId)).toEqual(['c2', 'c1']);
    expect(counter.loads).toBe(1);
  });

  it('drops what a rolled-back transaction changed', async () => {
    const { memory, transactions, counter } = memoryOver(stored());
    const warmUp = transactions.begin();
    await memory.enter(warmUp);
    transactions.end(warmUp, 'committed');

    const failed = transactions.begin();
    await memory.enter(failed);
    memory.closeNeed('n1');
    expect(memory.openNeeds()).toEqual([]);
    transactions.end(failed, 'rolled-back');

    const next = transactions.begin();
    await memory.enter(next);
    expect(memory.openNeeds().map((open) => open.id)).toEqual(['n1']);
    expect(memory.shortlist('n1').map((entry) => entry.companyId)).toEqual(['c1']);
    expect(counter.loads).toBe(1);
  });

  it('loads again after an end it cannot account for, or a rollback of the transaction that loaded', async () => {
    const { memory, transactions, counter } = memoryOver(stored());
    const loader = transactions.begin();
    await memory.enter(loader);
    transactions.end(loader, 'rolled-back');
    const unknown = transactions.begin();
    await memory.enter(unknown);
    transactions.end(unknown, 'unknown');
    await memory.enter(transactions.begin());

    expect(counter.loads).toBe(3);
  });

  it('loads again when another process changed shortlists since its last transaction', async () => {
    const { memory, transactions, counter } = memoryOver(stored());
    const first = transactions.begin();
    await memory.enter(first);
    transactions.end(first, 'committed');
    const second = transactions.begin();
    await memory.enter(second);
    transactions.end(second, 'rolled-back');
    expect(counter.loads).toBe(1);

    counter.generation += 1;
    await memory.enter(transactions.begin());
    expect(counter.loads).toBe(2);
  });

  it('lets one transaction hold it at a time: the next enters once the holder has ended', async () => {
    const { memory, transactions } = memoryOver(stored());
    const holder = transactions.begin();
    await memory.enter(holder);
    const order: string[] = [];
    const waiter = memory.enter(transactions.begin()).then(() => order.push('waiter entered'));
    await Promise.resolve();
    order.push('holder ends');
    transactions.end(holder, 'committed');
    await waiter;

    expect(order).toEqual(['holder ends', 'waiter entered']);
  });

  it('keeps a decline while the company is at or below the version it was made on, staged or committed', async () => {
    const { memory, transactions } = memoryOver(stored());
    const manager = transactions.begin();
    await memory.enter(manager);
    memory.decide('n1', 'c4', 2);
    const versions = new Map([
      ['c9', 3],
      ['c4', 5],
    ]);

    expect(memory.declined(['n1'], (id) => versions.get(id))).toEqual(new Map([['n1', new Set(['c9'])]]));
    versions.set('c4', 2);
    expect(memory.declined(['n1'], (id) => versions.get(id))).toEqual(new Map([['n1', new Set(['c9', 'c4'])]]));
    memory.decide('n1', 'c9', null);
    expect(memory.declined(['n1'], (id) => versions.get(id))).toEqual(new Map([['n1', new Set(['c4'])]]));
  });

  it('refuses reads outside the transaction that entered it', () => {
    const { memory } = memoryOver(stored());

    expect(() => memory.openNeeds()).toThrow('outside the transaction');
  });
});
