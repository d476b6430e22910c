import { type ServiceDataSourceSpec } from '#platform';
import { InboxEntryEntity, OutboxMessageEntity, messagingMigrations } from '#messaging';
import { CompanyProjectionEntity } from '../projections/company-projection.entity.js';
import { NeedProjectionEntity } from '../projections/need-projection.entity.js';
import { ShortlistEntryEntity } from '../shortlists/shortlist-entry.entity.js';
import { DecisionEntity } from '../decisions/decision.entity.js';
import { RematchJobEntity } from '../rematch/rematch-job.entity.js';
import { CreateMatching1764028800000 } from './migrations/1764028800000-CreateMatching.js';
import { RematchJobsAndDecisions1764100000000 } from './migrations/1764100000000-RematchJobsAndDecisions.js';
import { CompanyProjectionChanges1764600000000 } from './migrations/1764600000000-CompanyProjectionChanges.js';
import { CompanyProjectionChangeXid1764700000000 } from './migrations/1764700000000-CompanyProjectionChangeXid.js';
import { ShortlistGeneration1764800000000 } from './migrations/1764800000000-ShortlistGeneration.js';

export const MATCHING_SCHEMA = 'matching';

export const matchingDataSource = (url: string): ServiceDataSourceSpec => ({
  schema: MATCHING_SCHEMA,
  url,
  entities: [
    DecisionEntity,
    RematchJobEntity,
    CompanyProjectionEntity,
    NeedProjectionEntity,
    ShortlistEntryEntity,
    OutboxMessageEntity,
    InboxEntryEntity,
  ],
  migrations: [
    CreateMatching1764028800000,
    RematchJobsAndDecisions1764100000000,
    CompanyProjectionChanges1764600000000,
    CompanyProjectionChangeXid1764700000000,
    ShortlistGeneration1764800000000,
    messagingMigrations.addRetentionIndexes(MATCHING_SCHEMA),
  ],
});
