import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The molecular targets and biomarkers a need names; existing rows get an empty list. */
export class AddNeedTargets1764500000000 implements MigrationInterface {
  name = 'AddNeedTargets1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE rd_needs.need ADD COLUMN targets text[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE rd_needs.need DROP COLUMN targets');
  }
}
