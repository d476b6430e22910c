import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Molecular targets and the assets (candidates, platforms) a company develops; existing rows get empty lists. */
export class AddTargetsAndAssets1764500000000 implements MigrationInterface {
  name = 'AddTargetsAndAssets1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE companies.company
        ADD COLUMN targets text[] NOT NULL DEFAULT '{}',
        ADD COLUMN assets jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE companies.company DROP COLUMN assets, DROP COLUMN targets');
  }
}
