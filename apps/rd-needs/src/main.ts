import 'reflect-metadata';
import { readServiceConfig } from '#platform';
import { runService } from '#messaging';
import { profileServiceRun } from '#profiles';
import { RD_NEEDS_SERVICE } from './app.module.js';

await runService(profileServiceRun(RD_NEEDS_SERVICE, readServiceConfig('RD_NEEDS_PORT', 3002)));
