import type { HealthIndicatorService } from '@nestjs/terminus';
import type { ReadinessProbe } from '#platform';
import type { ConsumerLagMonitor } from './consumer-lag.monitor.js';

/** A lagging consumer still serves: degraded, never down, so catching up isn't made harder by a restart. */
export const consumerLagProbe = (lagMonitor: ConsumerLagMonitor, max: number): ReadinessProbe => ({
  name: 'consumerLag',
  summarised: false,
  applies: () => lagMonitor.watching !== undefined,
  check: async (indicators: HealthIndicatorService) => {
    const indicator = indicators.check('consumerLag');
    try {
      const lag = await lagMonitor.lag();
      const data = { group: lag?.group ?? null, lag: lag?.total ?? 0, max };
      return (lag?.total ?? 0) > max ? indicator.degraded(data) : indicator.up(data);
    } catch (error) {
      return indicator.degraded({ max, message: `lag unknown: ${(error as Error).message}` });
    }
  },
});

/** A consumer whose committed offset has stood still while messages wait is stuck, not busy: not ready. */
export const consumerStallProbe = (lagMonitor: ConsumerLagMonitor): ReadinessProbe => ({
  name: 'consumerStall',
  summarised: false,
  applies: () => lagMonitor.watching !== undefined,
  check: async (indicators: HealthIndicatorService) => {
    const indicator = indicators.check('consumerStall');
    try {
      const stalled = (await lagMonitor.lag())?.stalled ?? [];
      return stalled.length > 0 ? indicator.down({ stalled }) : indicator.up();
    } catch (error) {
      // The broker being away is the kafka probe's to report.
      return indicator.up({ message: `progress unknown: ${(error as Error).message}` });
    }
  },
});
