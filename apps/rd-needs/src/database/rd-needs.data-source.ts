import { type ServiceDataSourceSpec } from '#platform';
import { InboxEntryEntity, InboxVersionEntity, OutboxMessageEntity } from '#messaging';
import { RdNeedEntity } from '../needs/rd-need.entity.js';
import { CreateRdNeeds1764028800000 } from './migrations/1764028800000-CreateRdNeeds.js';
import { AddNeedTargets1764500000000 } from './migrations/1764500000000-AddNeedTargets.js';
import { AddInboxVersion1764600000000 } from './migrations/1764600000000-AddInboxVersion.js';
import { AddRetentionIndexes1764700000000 } from './migrations/1764700000000-AddRetentionIndexes.js';

export const RD_NEEDS_SCHEMA = 'rd_needs';

export const rdNeedsDataSource = (url: string): ServiceDataSourceSpec => ({
  schema: RD_NEEDS_SCHEMA,
  url,
  entities: [RdNeedEntity, OutboxMessageEntity, InboxEntryEntity, InboxVersionEntity],
  migrations: [
    CreateRdNeeds1764028800000,
    AddNeedTargets1764500000000,
    AddInboxVersion1764600000000,
    AddRetentionIndexes1764700000000,
  ],
});
