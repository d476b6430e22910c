import { defineMigration } from '#platform';

/** The molecular targets and biomarkers a need names; existing rows get an empty list. */
export const AddNeedTargets1764500000000 = defineMigration('AddNeedTargets1764500000000', {
  async up(queryRunner) {
    await queryRunner.query(`ALTER TABLE rd_needs.need ADD COLUMN targets text[] NOT NULL DEFAULT '{}'`);
  },

  async down(queryRunner) {
    await queryRunner.query('ALTER TABLE rd_needs.need DROP COLUMN targets');
  },
});
