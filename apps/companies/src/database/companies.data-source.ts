import type { ServiceDataSourceSpec } from '#platform';
import { CompanyEntity } from '../companies/company.entity.js';
import { InboxEntryEntity, InboxVersionEntity, OutboxMessageEntity, messagingMigrations } from '#messaging';
import { CreateCompanies1764028800000 } from './migrations/1764028800000-CreateCompanies.js';
import { AddTargetsAndAssets1764500000000 } from './migrations/1764500000000-AddTargetsAndAssets.js';

export const COMPANIES_SCHEMA = 'companies';

export const companiesDataSource = (url: string): ServiceDataSourceSpec => ({
  schema: COMPANIES_SCHEMA,
  url,
  entities: [CompanyEntity, OutboxMessageEntity, InboxEntryEntity, InboxVersionEntity],
  migrations: [
    CreateCompanies1764028800000,
    AddTargetsAndAssets1764500000000,
    messagingMigrations.addInboxVersion(COMPANIES_SCHEMA),
    messagingMigrations.addRetentionIndexes(COMPANIES_SCHEMA),
  ],
});
