import type { QueryRunner } from 'typeorm';

/**
 * A profile's table (`ProfileEntity`'s columns around the profile's own) and the unique index on its partner
 * reference, `<table>_external_ref_uq`, which the ProfileWriter recognises when two writes claim one reference.
 */
export const createProfileTable = async (
  queryRunner: QueryRunner,
  schema: string,
  table: string,
  profileColumns: readonly string[],
): Promise<void> => {
  const columns = [
    'id uuid PRIMARY KEY',
    'version int NOT NULL',
    ...profileColumns,
    'external_source text',
    'external_id text',
    "unmapped_terms text[] NOT NULL DEFAULT '{}'",
    'created_at timestamptz NOT NULL DEFAULT now()',
    'updated_at timestamptz NOT NULL DEFAULT now()',
  ];
  await queryRunner.query(`CREATE TABLE ${schema}.${table} (\n  ${columns.join(',\n  ')}\n)`);
  await queryRunner.query(`
    CREATE UNIQUE INDEX ${table}_external_ref_uq ON ${schema}.${table} (external_source, external_id)
    WHERE external_source IS NOT NULL`);
};
