import type { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { ReadinessProbe } from '#platform';
import type { ConsumerLag, ConsumerLagMonitor } from './consumer-lag.monitor.js';

/** terminus does not export the session type `check(name)` answers. */
type Indicator = ReturnType<HealthIndicatorService['check']>;

/** What a probe makes of the watched group's lag, and what it reports when the lag cannot be read. */
interface LagVerdict {
  readonly judge: (indicator: Indicator, lag: ConsumerLag | undefined) => HealthIndicatorResult;
  readonly unknown: (indicator: Indicator, message: string) => HealthIndicatorResult;
}

/** A readiness probe on the consumer group the monitor watches; it applies once a group is watched. */
const lagReadinessProbe = (name: string, lagMonitor: ConsumerLagMonitor, verdict: LagVerdict): ReadinessProbe => ({
  name,
  summarised: false,
  applies: () => lagMonitor.watching !== undefined,
  check: async (indicators: HealthIndicatorService) => {
    const indicator = indicators.check(name);
    try {
      return verdict.judge(indicator, await lagMonitor.lag());
    } catch (error) {
      return verdict.unknown(indicator, (error as Error).message);
    }
  },
});

/** A lagging consumer still serves: degraded, never down, so catching up isn't made harder by a restart. */
export const consumerLagProbe = (lagMonitor: ConsumerLagMonitor, max: number): ReadinessProbe =>
  lagReadinessProbe('consumerLag', lagMonitor, {
    judge: (indicator, lag) => {
      const data = { group: lag?.group ?? null, lag: lag?.total ?? 0, max };
      return (lag?.total ?? 0) > max ? indicator.degraded(data) : indicator.up(data);
    },
    unknown: (indicator, message) => indicator.degraded({ max, message: `lag unknown: ${message}` }),
  });

/** A consumer whose committed offset has stood still while messages wait is stuck, not busy: not ready. */
export const consumerStallProbe = (lagMonitor: ConsumerLagMonitor): ReadinessProbe =>
  lagReadinessProbe('consumerStall', lagMonitor, {
    judge: (indicator, lag) => {
      const stalled = lag?.stalled ?? [];
      return stalled.length > 0 ? indicator.down({ stalled }) : indicator.up();
    },
    // The broker being away is the kafka probe's to report.
    unknown: (indicator, message) => indicator.up({ message: `progress unknown: ${message}` }),
  });
