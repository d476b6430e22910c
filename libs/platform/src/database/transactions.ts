import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** The service's database transactions, for code that spans several repositories (and the outbox) in one. */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<R>(work: (manager: EntityManager) => Promise<R>): Promise<R> {
    return this.dataSource.transaction(work);
  }

  /** Outside any transaction: reads that need no consistency between them. */
  get untransacted(): EntityManager {
    return this.dataSource.manager;
  }
}
