import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '#messaging';

export class CreateCompanies1764028800000 implements MigrationInterface {
  name = 'CreateCompanies1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE companies.company (
        id uuid PRIMARY KEY,
        version int NOT NULL,
        name text NOT NULL,
        organisation_type text NOT NULL,
        sectors text[] NOT NULL,
        country char(2) NOT NULL,
        city text NOT NULL,
        description text NOT NULL,
        therapeutic_areas text[] NOT NULL,
        modalities text[] NOT NULL,
        development_stages text[] NOT NULL,
        capabilities text[] NOT NULL,
        collaboration_types text[] NOT NULL,
        seeking text[] NOT NULL,
        partner_networks text[] NOT NULL,
        china_presence boolean NOT NULL,
        wuxi_co_location text NOT NULL,
        website text,
        external_source text,
        external_id text,
        unmapped_terms text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX company_external_ref_uq ON companies.company (external_source, external_id)
      WHERE external_source IS NOT NULL`);
    await queryRunner.query('CREATE INDEX company_name_idx ON companies.company (lower(name))');
    await createMessagingTables(queryRunner, 'companies');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'companies');
    await queryRunner.query('DROP TABLE companies.company');
  }
}
