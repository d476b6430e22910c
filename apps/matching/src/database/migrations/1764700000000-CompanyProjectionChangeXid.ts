import { defineMigration } from '#platform';

export const CompanyProjectionChangeXid1764700000000 = defineMigration('CompanyProjectionChangeXid1764700000000', {
  async up(queryRunner) {
    // The transaction that last wrote a company: the population corpus reads only rows written by transactions that
    // were not yet visible at its previous read (`pg_snapshot_xmin`), instead of a time window around it.
    await queryRunner.query(
      'ALTER TABLE matching.company_projection ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id()',
    );
    await queryRunner.query(
      'CREATE INDEX company_projection_change_xid_idx ON matching.company_projection (change_xid)',
    );
  },

  async down(queryRunner) {
    await queryRunner.query('DROP INDEX matching.company_projection_change_xid_idx');
    await queryRunner.query('ALTER TABLE matching.company_projection DROP COLUMN change_xid');
  },
});
