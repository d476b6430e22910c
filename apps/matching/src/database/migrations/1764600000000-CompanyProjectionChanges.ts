import { defineMigration } from '#platform';

export const CompanyProjectionChanges1764600000000 = defineMigration('CompanyProjectionChanges1764600000000', {
  async up(queryRunner) {
    // Lexical relevance keeps the population's word statistics in memory and reads only the rows changed since.
    await queryRunner.query('CREATE INDEX company_projection_updated_idx ON matching.company_projection (updated_at)');
  },

  async down(queryRunner) {
    await queryRunner.query('DROP INDEX matching.company_projection_updated_idx');
  },
});
