import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createInboxVersionTable, dropInboxVersionTable } from '#messaging';

/** The partner versions applied per external reference, so an older partner version is ignored. */
export class AddInboxVersion1764600000000 implements MigrationInterface {
  name = 'AddInboxVersion1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createInboxVersionTable(queryRunner, 'companies');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropInboxVersionTable(queryRunner, 'companies');
  }
}
