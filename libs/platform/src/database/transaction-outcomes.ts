import { Injectable } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

/**
 * How a transaction ended. `unknown` when it cannot be told what stayed: its connection was released without a commit
 * or rollback completing, or it committed after rolling back to a savepoint.
 */
export type TransactionOutcome = 'committed' | 'rolled-back' | 'unknown';

interface Watch {
  partial: boolean;
  readonly callbacks: ((outcome: TransactionOutcome) => void)[];
}

/**
 * Tells in-memory state that mirrors a transaction's writes when that transaction has ended, and how, so the state is
 * never ahead of what is committed: changes staged during a transaction are kept on `committed` and dropped otherwise.
 */
@Injectable()
export class TransactionOutcomes implements EntitySubscriberInterface {
  private readonly watched = new Map<QueryRunner, Watch>();

  constructor(dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  /** Calls `callback` once, when the transaction `manager` belongs to ends. */
  onEnd(manager: EntityManager, callback: (outcome: TransactionOutcome) => void): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('onEnd needs a manager inside a transaction');
    const watch = this.watched.get(runner) ?? { partial: false, callbacks: [] };
    watch.callbacks.push(callback);
    this.watched.set(runner, watch);
  }

  /**
   * Ends, as `unknown`, every watched transaction whose connection was released without its commit or rollback
   * completing (the database went away mid-commit). Callers waiting on an outcome call it now and then.
   */
  sweep(): void {
    for (const runner of [...this.watched.keys()]) if (runner.isReleased) this.end(runner, 'unknown');
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    if (queryRunner.isTransactionActive) return;
    this.end(queryRunner, this.watched.get(queryRunner)?.partial ? 'unknown' : 'committed');
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) return this.end(queryRunner, 'rolled-back');
    // Back to a savepoint: what it undid is not known here.
    const watch = this.watched.get(queryRunner);
    if (watch) watch.partial = true;
  }

  private end(runner: QueryRunner, outcome: TransactionOutcome): void {
    const watch = this.watched.get(runner);
    if (!watch) return;
    this.watched.delete(runner);
    for (const callback of watch.callbacks) callback(outcome);
  }
}
