import { defineMigration } from '#platform';
import { createMessagingTables, dropMessagingTables } from '#messaging';
import { createProfileTable } from '#profiles';

export const CreateCompanies1764028800000 = defineMigration('CreateCompanies1764028800000', {
  async up(queryRunner) {
    await createProfileTable(queryRunner, 'companies', 'company', [
      'name text NOT NULL',
      'organisation_type text NOT NULL',
      'sectors text[] NOT NULL',
      'country char(2) NOT NULL',
      'city text NOT NULL',
      'description text NOT NULL',
      'therapeutic_areas text[] NOT NULL',
      'modalities text[] NOT NULL',
      'development_stages text[] NOT NULL',
      'capabilities text[] NOT NULL',
      'collaboration_types text[] NOT NULL',
      'seeking text[] NOT NULL',
      'partner_networks text[] NOT NULL',
      'china_presence boolean NOT NULL',
      'wuxi_co_location text NOT NULL',
      'website text',
    ]);
    await queryRunner.query('CREATE INDEX company_name_idx ON companies.company (lower(name))');
    await createMessagingTables(queryRunner, 'companies');
  },

  async down(queryRunner) {
    await dropMessagingTables(queryRunner, 'companies');
    await queryRunner.query('DROP TABLE companies.company');
  },
});
