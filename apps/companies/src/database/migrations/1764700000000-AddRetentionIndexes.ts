import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createRetentionIndexes, dropRetentionIndexes } from '#messaging';

/** Indexes the outbox and inbox retention deletes by, so pruning reads only what it deletes. */
export class AddRetentionIndexes1764700000000 implements MigrationInterface {
  name = 'AddRetentionIndexes1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createRetentionIndexes(queryRunner, 'companies');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropRetentionIndexes(queryRunner, 'companies');
  }
}
