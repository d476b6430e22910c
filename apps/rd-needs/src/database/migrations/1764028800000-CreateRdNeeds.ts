import { defineMigration } from '#platform';
import { createMessagingTables, dropMessagingTables } from '#messaging';
import { createProfileTable } from '#profiles';

export const CreateRdNeeds1764028800000 = defineMigration('CreateRdNeeds1764028800000', {
  async up(queryRunner) {
    await createProfileTable(queryRunner, 'rd_needs', 'need', [
      'title text NOT NULL',
      'description text NOT NULL',
      'owner text NOT NULL',
      'therapeutic_areas text[] NOT NULL',
      'modalities text[] NOT NULL',
      'stages text[] NOT NULL',
      'sectors text[] NOT NULL',
      'must_have text[] NOT NULL',
      'nice_to_have text[] NOT NULL',
      'collaboration_types text[] NOT NULL',
      'offering text[] NOT NULL',
      'prefer_china_presence boolean NOT NULL',
      'prefer_wuxi_co_location boolean NOT NULL',
      'preferred_partner_networks text[] NOT NULL',
      'priority text NOT NULL',
      'deadline date',
      'status text NOT NULL',
      'weights jsonb',
    ]);
    await queryRunner.query('CREATE INDEX need_status_idx ON rd_needs.need (status)');
    await createMessagingTables(queryRunner, 'rd_needs');
  },

  async down(queryRunner) {
    await dropMessagingTables(queryRunner, 'rd_needs');
    await queryRunner.query('DROP TABLE rd_needs.need');
  },
});
