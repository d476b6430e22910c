import type { HealthIndicatorService } from '@nestjs/terminus';
import type { DataSource } from 'typeorm';
import { CHECK_TIMEOUT_MS, type ReadinessProbe } from '../health/readiness-probe.js';

/** The service's database answers `SELECT 1`. */
export const databaseProbe = (dataSource: DataSource): ReadinessProbe => ({
  name: 'database',
  summarised: true,
  applies: () => true,
  check: (indicators: HealthIndicatorService) =>
    indicators
      .check('database')
      .attempt(() => dataSource.query('SELECT 1').then(() => undefined))
      .withTimeout(CHECK_TIMEOUT_MS),
});
