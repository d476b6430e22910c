import { defineMigration } from '#platform';

/** Molecular targets and the assets (candidates, platforms) a company develops; existing rows get empty lists. */
export const AddTargetsAndAssets1764500000000 = defineMigration('AddTargetsAndAssets1764500000000', {
  async up(queryRunner) {
    await queryRunner.query(`
      ALTER TABLE companies.company
        ADD COLUMN targets text[] NOT NULL DEFAULT '{}',
        ADD COLUMN assets jsonb NOT NULL DEFAULT '[]'`);
  },

  async down(queryRunner) {
    await queryRunner.query('ALTER TABLE companies.company DROP COLUMN assets, DROP COLUMN targets');
  },
});
