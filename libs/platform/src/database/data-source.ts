import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { ensureDatabase } from './ensure-database.js';

export interface ServiceDataSourceSpec {
  /** The Postgres schema this service owns; no other service touches it. */
  readonly schema: string;
  readonly url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own migration list type
  readonly migrations: MixedList<Function | string>;
  readonly poolSize?: number;
}

export const serviceDataSourceOptions = (spec: ServiceDataSourceSpec): DataSourceOptions => ({
  type: 'postgres',
  url: spec.url,
  schema: spec.schema,
  entities: spec.entities,
  migrations: spec.migrations,
  migrationsTableName: 'migrations',
  synchronize: false,
  migrationsRun: false,
  extra: { max: spec.poolSize ?? 10 },
});

/**
 * Creates the database and schema if missing, then applies the service's pending migrations. Instances of a service
 * may start together: a session advisory lock per schema lets one migrate while the others wait, then find nothing
 * left to apply.
 */
export const migrateService = async (spec: ServiceDataSourceSpec): Promise<string[]> => {
  await ensureDatabase(spec.url);
  const dataSource = new DataSource(serviceDataSourceOptions(spec));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  const lockName = migrationLockName(spec.schema);
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [lockName]);
    try {
      await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${spec.schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName]);
    }
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
};

const migrationLockName = (schema: string): string => `parkmatch.migrations.${schema}`;
