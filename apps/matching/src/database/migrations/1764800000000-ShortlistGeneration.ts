import { defineMigration } from '#platform';

export const ShortlistGeneration1764800000000 = defineMigration('ShortlistGeneration1764800000000', {
  async up(queryRunner) {
    // Every transaction that changes shortlists takes the next value while it holds the shortlist lock: a process
    // whose memory was current at value n knows it still is when the next value it takes is n + 1.
    await queryRunner.query('CREATE SEQUENCE matching.shortlist_generation');
  },

  async down(queryRunner) {
    await queryRunner.query('DROP SEQUENCE matching.shortlist_generation');
  },
});
