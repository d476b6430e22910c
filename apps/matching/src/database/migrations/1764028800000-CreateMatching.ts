import { defineMigration } from '#platform';
import { createMessagingTables, dropMessagingTables } from '#messaging';

export const CreateMatching1764028800000 = defineMigration('CreateMatching1764028800000', {
  async up(queryRunner) {
    // Projections keep a tombstone (removed_at) so a late, older upsert cannot resurrect a deleted entity.
    await queryRunner.query(`
      CREATE TABLE matching.company_projection (
        id uuid PRIMARY KEY,
        version int NOT NULL,
        name text NOT NULL,
        country char(2),
        sectors text[] NOT NULL DEFAULT '{}',
        profile jsonb,
        removed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE matching.need_projection (
        id uuid PRIMARY KEY,
        version int NOT NULL,
        title text NOT NULL,
        open boolean NOT NULL,
        profile jsonb,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE matching.shortlist_entry (
        need_id uuid NOT NULL,
        company_id uuid NOT NULL,
        rank int NOT NULL,
        score double precision NOT NULL,
        eligible boolean NOT NULL,
        algorithm_version text NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (need_id, company_id)
      )`);
    await queryRunner.query('CREATE INDEX shortlist_entry_company_idx ON matching.shortlist_entry (company_id)');
    await createMessagingTables(queryRunner, 'matching');
  },

  async down(queryRunner) {
    await dropMessagingTables(queryRunner, 'matching');
    await queryRunner.query('DROP TABLE matching.shortlist_entry');
    await queryRunner.query('DROP TABLE matching.need_projection');
    await queryRunner.query('DROP TABLE matching.company_projection');
  },
});
