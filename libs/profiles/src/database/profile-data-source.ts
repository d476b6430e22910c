import type { MigrationClass, ServiceDataSourceSpec } from '#platform';
import { InboxEntryEntity, InboxVersionEntity, messagingMigrations, OutboxMessageEntity } from '#messaging';
import type { ProfileEntity } from '../profiles/profile.entity.js';

/**
 * The data source of a profile service in its own schema: its profile's entity and migrations, then the messaging
 * tables (outbox, inbox, partner versions) and their later migrations.
 */
export const profileDataSource =
  (schema: string, entity: new () => ProfileEntity, migrations: readonly MigrationClass[]) =>
  (url: string): ServiceDataSourceSpec => ({
    schema,
    url,
    entities: [entity, OutboxMessageEntity, InboxEntryEntity, InboxVersionEntity],
    migrations: [
      ...migrations,
      messagingMigrations.addInboxVersion(schema),
      messagingMigrations.addRetentionIndexes(schema),
    ],
  });
