import 'reflect-metadata';
import { bootstrapService, migrateService, readServiceConfig } from '#common';
import { AppModule, COMPANIES_SERVICE } from './app.module.js';
import { companiesDataSource } from './database/companies.data-source.js';

const config = readServiceConfig('COMPANIES_PORT', 3001);
await bootstrapService({
  service: COMPANIES_SERVICE,
  module: AppModule.forConfig(config),
  config,
  migrate: () => migrateService(companiesDataSource(config.databaseUrl)),
  consumerGroup: 'companies',
});
