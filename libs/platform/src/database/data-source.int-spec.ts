import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { testEnv } from '../../../../test/utils/test-env.js';
import { migrateService, type ServiceDataSourceSpec } from './data-source.js';
import { dropTestDatabase, recreateTestDatabase } from './ensure-database.js';
import { defineMigration } from './migration.js';

const schema = 'migration_lock_test';

// Fails if it runs twice: a second CREATE TABLE is an error, and the sleep keeps the first run inside its lock long
// enough for the other instances to arrive.
const CreateLockedTable = defineMigration('CreateLockedTable1764028800000', {
  up: async (queryRunner: QueryRunner) => {
    await queryRunner.query(`CREATE TABLE "${schema}".locked (id int PRIMARY KEY)`);
    await queryRunner.query('SELECT pg_sleep(0.3)');
  },
  down: async (queryRunner: QueryRunner) => {
    await queryRunner.query(`DROP TABLE "${schema}".locked`);
  },
});

describe('migrateService with several instances starting together', () => {
  let url: string;
  let spec: ServiceDataSourceSpec;

  beforeAll(async () => {
    const base = new URL(testEnv().databaseUrl);
    base.pathname = `${base.pathname}_migration_lock`;
    url = base.toString();
    await recreateTestDatabase(url);
    spec = { schema, url, entities: [], migrations: [CreateLockedTable], poolSize: 2 };
  });

  afterAll(async () => {
    await dropTestDatabase(url);
  });

  it('applies each migration once: one instance migrates, the others wait and find nothing to do', async () => {
    const applied = await Promise.all([migrateService(spec), migrateService(spec), migrateService(spec)]);

    expect(applied.flat()).toEqual(['CreateLockedTable1764028800000']);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(`SELECT name FROM "${schema}".migrations`);
      expect(rows.map((row) => row.name)).toEqual(['CreateLockedTable1764028800000']);
      const locks = await client.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory'`);
      expect(locks.rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});
