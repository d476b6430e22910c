import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '#messaging';

export class CreateRdNeeds1764028800000 implements MigrationInterface {
  name = 'CreateRdNeeds1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rd_needs.need (
        id uuid PRIMARY KEY,
        version int NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        owner text NOT NULL,
        therapeutic_areas text[] NOT NULL,
        modalities text[] NOT NULL,
        stages text[] NOT NULL,
        sectors text[] NOT NULL,
        must_have text[] NOT NULL,
        nice_to_have text[] NOT NULL,
        collaboration_types text[] NOT NULL,
        offering text[] NOT NULL,
        prefer_china_presence boolean NOT NULL,
        prefer_wuxi_co_location boolean NOT NULL,
        preferred_partner_networks text[] NOT NULL,
        priority text NOT NULL,
        deadline date,
        status text NOT NULL,
        weights jsonb,
        external_source text,
        external_id text,
        unmapped_terms text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX need_external_ref_uq ON rd_needs.need (external_source, external_id)
      WHERE external_source IS NOT NULL`);
    await queryRunner.query('CREATE INDEX need_status_idx ON rd_needs.need (status)');
    await createMessagingTables(queryRunner, 'rd_needs');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'rd_needs');
    await queryRunner.query('DROP TABLE rd_needs.need');
  }
}
