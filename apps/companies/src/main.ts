import 'reflect-metadata';
import { readServiceConfig } from '#platform';
import { runService } from '#messaging';
import { AppModule, COMPANIES_SERVICE } from './app.module.js';
import { companiesDataSource } from './database/companies.data-source.js';

const config = readServiceConfig('COMPANIES_PORT', 3001);
await runService({
  service: COMPANIES_SERVICE,
  module: AppModule.forConfig(config),
  config,
  database: companiesDataSource(config.databaseUrl),
  consumerGroup: 'companies',
});
