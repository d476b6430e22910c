import 'reflect-metadata';
import { bootstrapService, migrateService } from '#common';
import { AppModule, MATCHING_SERVICE } from './app.module.js';
import { matchingDataSource } from './database/matching.data-source.js';
import { readMatchingConfig } from './matching.config.js';

const config = readMatchingConfig();
await bootstrapService({
  service: MATCHING_SERVICE,
  module: AppModule.forConfig(config),
  config,
  migrate: () => migrateService(matchingDataSource(config.databaseUrl)),
  consumerGroup: 'matching',
});
