import 'reflect-metadata';
import { bootstrapService, migrateService, readServiceConfig } from '#common';
import { AppModule, RD_NEEDS_SERVICE } from './app.module.js';
import { rdNeedsDataSource } from './database/rd-needs.data-source.js';

const config = readServiceConfig('RD_NEEDS_PORT', 3002);
await bootstrapService({
  service: RD_NEEDS_SERVICE,
  module: AppModule.forConfig(config),
  config,
  migrate: () => migrateService(rdNeedsDataSource(config.databaseUrl)),
  consumerGroup: 'rd-needs',
});
