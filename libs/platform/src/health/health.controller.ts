import { Controller, Get, HttpStatus, Inject, Optional, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator.js';
import { DATABASE_PROBE, READINESS_PROBES, type ReadinessProbe } from './readiness-probe.js';

export interface HealthReport {
  status: string;
  checks: Record<string, { status: string; [detail: string]: unknown }>;
}

/**
 * Probes without a key: liveness (the process answers) and readiness (the database, then the probes other libs
 * register under READINESS_PROBES: the broker and consumer lag).
 */
@Public()
@ApiTags('Operations')
@Controller('health')
export class HealthController {
  private readonly probes: readonly ReadinessProbe[];

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(DATABASE_PROBE) database: ReadinessProbe,
    @Optional() @Inject(READINESS_PROBES) probes: readonly ReadinessProbe[] = [],
  ) {
    this.probes = [database, ...probes];
  }

  /** Readiness, at the path deployments already probe, in its original shape: `checks: {database, kafka}`. */
  @Get()
  @ApiOkResponse({ description: 'Ready: the database and the broker answer' })
  @ApiServiceUnavailableResponse({ description: 'The database or the broker is unreachable' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const { status, checks } = await this.readiness(response);
    const summarised = this.probes.filter((probe) => probe.summarised).map((probe) => probe.name);
    return {
      status: status === 'error' ? 'error' : 'ok',
      checks: Object.fromEntries(summarised.map((name) => [name, { status: checks[name]?.status ?? 'down' }])),
    };
  }

  @Get('live')
  @ApiOkResponse({ description: 'The process is up and its event loop answers' })
  live(): HealthReport {
    return { status: 'ok', checks: {} };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Ready (ok, or degraded when the consumer group lags), with response times and lag' })
  @ApiServiceUnavailableResponse({ description: 'The database or the broker is unreachable' })
  ready(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    return this.readiness(response);
  }

  private async readiness(response: Response): Promise<HealthReport> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([
        ...this.probes.filter((probe) => probe.applies()).map((probe) => () => probe.check(this.indicators)),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
    }
    response.status(result.status === 'error' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return { status: result.status, checks: result.details };
  }
}
