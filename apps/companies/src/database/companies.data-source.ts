import type { ServiceDataSourceSpec } from '#platform';
import { CompanyEntity } from '../companies/company.entity.js';
import { InboxEntryEntity, InboxVersionEntity, OutboxMessageEntity } from '#messaging';
import { CreateCompanies1764028800000 } from './migrations/1764028800000-CreateCompanies.js';
import { AddTargetsAndAssets1764500000000 } from './migrations/1764500000000-AddTargetsAndAssets.js';
import { AddInboxVersion1764600000000 } from './migrations/1764600000000-AddInboxVersion.js';
import { AddRetentionIndexes1764700000000 } from './migrations/1764700000000-AddRetentionIndexes.js';

export const COMPANIES_SCHEMA = 'companies';

export const companiesDataSource = (url: string): ServiceDataSourceSpec => ({
  schema: COMPANIES_SCHEMA,
  url,
  entities: [CompanyEntity, OutboxMessageEntity, InboxEntryEntity, InboxVersionEntity],
  migrations: [
    CreateCompanies1764028800000,
    AddTargetsAndAssets1764500000000,
    AddInboxVersion1764600000000,
    AddRetentionIndexes1764700000000,
  ],
});
