import 'reflect-metadata';
import { readServiceConfig } from '#platform';
import { runService } from '#messaging';
import { AppModule, RD_NEEDS_SERVICE } from './app.module.js';
import { rdNeedsDataSource } from './database/rd-needs.data-source.js';

const config = readServiceConfig('RD_NEEDS_PORT', 3002);
await runService({
  service: RD_NEEDS_SERVICE,
  module: AppModule.forConfig(config),
  config,
  database: rdNeedsDataSource(config.databaseUrl),
  consumerGroup: 'rd-needs',
});
