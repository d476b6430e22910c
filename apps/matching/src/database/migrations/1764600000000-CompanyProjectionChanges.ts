import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CompanyProjectionChanges1764600000000 implements MigrationInterface {
  name = 'CompanyProjectionChanges1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Lexical relevance keeps the population's word statistics in memory and reads only the rows changed since.
    await queryRunner.query('CREATE INDEX company_projection_updated_idx ON matching.company_projection (updated_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX matching.company_projection_updated_idx');
  }
}
