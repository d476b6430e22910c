import type { QueryRunner } from 'typeorm';
import { defineMigration, type MigrationClass } from '#platform';

/** Outbox and inbox tables, created by each service's first migration inside its own schema. */
export const createMessagingTables = async (queryRunner: QueryRunner, schema: string): Promise<void> => {
  await queryRunner.query(`
    CREATE TABLE "${schema}".outbox (
      id bigserial PRIMARY KEY,
      topic text NOT NULL,
      message_key text NOT NULL,
      event_id uuid NOT NULL UNIQUE,
      event_type text NOT NULL,
      envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`);
  await queryRunner.query(`CREATE INDEX outbox_unpublished_idx ON "${schema}".outbox (id) WHERE published_at IS NULL`);
  await queryRunner.query(`
    CREATE TABLE "${schema}".inbox (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
};

/** The newest entity version each consumer applied per entity key (`claimEntityVersion`). */
export const createInboxVersionTable = async (queryRunner: QueryRunner, schema: string): Promise<void> => {
  await queryRunner.query(`
    CREATE TABLE "${schema}".inbox_version (
      consumer text NOT NULL,
      entity_key text NOT NULL,
      version int NOT NULL,
      PRIMARY KEY (consumer, entity_key)
    )`);
};

export const dropInboxVersionTable = async (queryRunner: QueryRunner, schema: string): Promise<void> => {
  await queryRunner.query(`DROP TABLE "${schema}".inbox_version`);
};

export const dropMessagingTables = async (queryRunner: QueryRunner, schema: string): Promise<void> => {
  await queryRunner.query(`DROP TABLE "${schema}".inbox`);
  await queryRunner.query(`DROP TABLE "${schema}".outbox`);
};

/** What the retention deletes by: published outbox rows by publication time, inbox rows by processing time. */
export const createRetentionIndexes = async (queryRunner: QueryRunner, schema: string): Promise<void> => {
  await queryRunner.query(
    `CREATE INDEX outbox_published_at_idx ON "${schema}".outbox (published_at) WHERE published_at IS NOT NULL`,
  );
  await queryRunner.query(`CREATE INDEX inbox_processed_at_idx ON "${schema}".inbox (processed_at)`);
};

export const dropRetentionIndexes = async (queryRunner: QueryRunner, schema: string): Promise<void> => {
  await queryRunner.query(`DROP INDEX "${schema}".inbox_processed_at_idx`);
  await queryRunner.query(`DROP INDEX "${schema}".outbox_published_at_idx`);
};

type SchemaChange = (queryRunner: QueryRunner, schema: string) => Promise<void>;

const schemaMigration =
  (name: string, up: SchemaChange, down: SchemaChange) =>
  (schema: string): MigrationClass =>
    defineMigration(name, {
      up: (queryRunner) => up(queryRunner, schema),
      down: (queryRunner) => down(queryRunner, schema),
    });

/**
 * Later changes to the messaging tables, one migration per service schema. Names are the ones already recorded in
 * the services' migration tables, so databases migrated before these moved here see nothing new.
 */
export const messagingMigrations = {
  /** The partner versions applied per external reference, so an older partner version is ignored. */
  addInboxVersion: schemaMigration('AddInboxVersion1764600000000', createInboxVersionTable, dropInboxVersionTable),
  /** Indexes the outbox and inbox retention deletes by, so pruning reads only what it deletes. */
  addRetentionIndexes: schemaMigration(
    'AddRetentionIndexes1764700000000',
    createRetentionIndexes,
    dropRetentionIndexes,
  ),
} as const;
