import { InboxEntryEntity, OutboxMessageEntity, type ServiceDataSourceSpec } from '#common';
import { CompanyProjectionEntity } from '../projections/company-projection.entity.js';
import { NeedProjectionEntity } from '../projections/need-projection.entity.js';
import { ShortlistEntryEntity } from '../shortlists/shortlist-entry.entity.js';
import { CreateMatching1764028800000 } from './migrations/1764028800000-CreateMatching.js';

export const MATCHING_SCHEMA = 'matching';

export const matchingDataSource = (url: string): ServiceDataSourceSpec => ({
  schema: MATCHING_SCHEMA,
  url,
  entities: [
    CompanyProjectionEntity,
    NeedProjectionEntity,
    ShortlistEntryEntity,
    OutboxMessageEntity,
    InboxEntryEntity,
  ],
  migrations: [CreateMatching1764028800000],
});
