import type { DataSource, EntityManager, EntityTarget, FindOptionsWhere, SelectQueryBuilder } from 'typeorm';
import type { ProfileListQuery } from '#platform';
import type { ProfileEntity } from './profile.entity.js';

/** Reads and writes of a versioned profile with an optional partner external reference. */
export abstract class ProfileRepository<T extends ProfileEntity> {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly target: EntityTarget<T>,
  ) {}

  /** The rows a list query's partner source and record (`ProfileListQuery`) select; the app adds its own filters. */
  protected listQuery(alias: string, query: ProfileListQuery): SelectQueryBuilder<T> {
    const builder = this.dataSource.getRepository(this.target).createQueryBuilder(alias);
    if (query.source) builder.andWhere(`${alias}.external_source = :source`, { source: query.source });
    if (query.externalId) builder.andWhere(`${alias}.external_id = :externalId`, { externalId: query.externalId });
    return builder;
  }

  /** One page of a list query's rows and their total, in the app's order and then by id, so no row is on two pages. */
  protected page(
    builder: SelectQueryBuilder<T>,
    query: ProfileListQuery,
    orderBy: string,
    order: 'ASC' | 'DESC',
  ): Promise<[T[], number]> {
    return builder
      .orderBy(orderBy, order)
      .addOrderBy(`${builder.alias}.id`, 'ASC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
  }

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
