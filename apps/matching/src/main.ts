import 'reflect-metadata';
import { runService } from '#messaging';
import { AppModule, MATCHING_SERVICE } from './app.module.js';
import { matchingDataSource } from './database/matching.data-source.js';
import { readMatchingConfig } from './matching.config.js';

const config = readMatchingConfig();
await runService({
  service: MATCHING_SERVICE,
  module: AppModule.forConfig(config),
  config,
  database: matchingDataSource(config.databaseUrl),
  consumerGroup: 'matching',
});
