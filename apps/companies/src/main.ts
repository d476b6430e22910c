import 'reflect-metadata';
import { readServiceConfig } from '#platform';
import { runService } from '#messaging';
import { profileServiceRun } from '#profiles';
import { COMPANIES_SERVICE } from './app.module.js';

await runService(profileServiceRun(COMPANIES_SERVICE, readServiceConfig('COMPANIES_PORT', 3001)));
