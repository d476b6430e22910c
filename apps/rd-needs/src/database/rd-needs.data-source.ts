import { type ServiceDataSourceSpec } from '#platform';
import { InboxEntryEntity, InboxVersionEntity, OutboxMessageEntity, messagingMigrations } from '#messaging';
import { RdNeedEntity } from '../needs/rd-need.entity.js';
import { CreateRdNeeds1764028800000 } from './migrations/1764028800000-CreateRdNeeds.js';
import { AddNeedTargets1764500000000 } from './migrations/1764500000000-AddNeedTargets.js';

export const RD_NEEDS_SCHEMA = 'rd_needs';

export const rdNeedsDataSource = (url: string): ServiceDataSourceSpec => ({
  schema: RD_NEEDS_SCHEMA,
  url,
  entities: [RdNeedEntity, OutboxMessageEntity, InboxEntryEntity, InboxVersionEntity],
  migrations: [
    CreateRdNeeds1764028800000,
    AddNeedTargets1764500000000,
    messagingMigrations.addInboxVersion(RD_NEEDS_SCHEMA),
    messagingMigrations.addRetentionIndexes(RD_NEEDS_SCHEMA),
  ],
});
