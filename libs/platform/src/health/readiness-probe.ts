import type { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

/** Readiness checks a lib adds beside the database's (the broker, consumer lag), provided under READINESS_PROBES. */
export const READINESS_PROBES = Symbol('READINESS_PROBES');

/** The database's probe, which readiness always runs first. */
export const DATABASE_PROBE = Symbol('DATABASE_PROBE');

/** How long one probe may take before it counts as down. */
export const CHECK_TIMEOUT_MS = 3_000;

export interface ReadinessProbe {
  readonly name: string;
  /** Reported in `GET /health`'s short `checks` (as `down` when it could not run). */
  readonly summarised: boolean;
  /** Whether the probe runs at all right now (consumer lag only once a group is watched). */
  applies(): boolean;
  check(indicators: HealthIndicatorService): PromiseLike<HealthIndicatorResult>;
}
