import type { DataSource, EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import type { ProfileEntity } from './profile.entity.js';

/** Reads and writes of a versioned profile with an optional partner external reference. */
export abstract class ProfileRepository<T extends ProfileEntity> {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly target: EntityTarget<T>,
  ) {}

  transaction<R>(work: (manager: EntityManager) => Promise<R>): Promise<R> {
    return this.dataSource.transaction(work);
  }

  findById(id: string): Promise<T | null> {
    return this.dataSource.getRepository(this.target).findOneBy({ id } as FindOptionsWhere<T>);
  }

  /** Locks the row for the rest of the transaction so concurrent writers bump the version one at a time. */
  findForUpdate(manager: EntityManager, id: string): Promise<T | null> {
    return manager
      .getRepository(this.target)
      .findOne({ where: { id } as FindOptionsWhere<T>, lock: { mode: 'pessimistic_write' } });
  }

  findByExternalRef(manager: EntityManager, source: string, externalId: string): Promise<T | null> {
    return manager.getRepository(this.target).findOne({
      where: { externalSource: source, externalId } as FindOptionsWhere<T>,
      lock: { mode: 'pessimistic_write' },
    });
  }

  async save(manager: EntityManager, row: T): Promise<T> {
    const repository = manager.getRepository(this.target);
    await repository.save(row);
    return repository.findOneByOrFail({ id: row.id } as FindOptionsWhere<T>);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(this.target).delete({ id } as FindOptionsWhere<T>);
  }
}
