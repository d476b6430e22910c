import { Controller, Get, HttpStatus, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator.js';
import type { ServiceConfig } from '../config/service-config.js';
import { ConsumerLagMonitor } from '../kafka/consumer-lag.monitor.js';
import { KAFKA_CLIENT, SERVICE_CONFIG } from '../messaging/messaging.tokens.js';

const CHECK_TIMEOUT_MS = 3_000;

export interface HealthReport {
  status: string;
  checks: Record<string, { status: string; [detail: string]: unknown }>;
}

/** Probes without a key: liveness (the process answers) and readiness (database, broker, consumer lag). */
@Public()
@ApiTags('Operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly lagMonitor: ConsumerLagMonitor,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** Readiness, at the path deployments already probe, in its original shape: `checks: {database, kafka}`. */
  @Get()
  @ApiOkResponse({ description: 'Ready: the database and the broker answer' })
  @ApiServiceUnavailableResponse({ description: 'The database or the broker is unreachable' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const { status, checks } = await this.readiness(response);
    return {
      status: status === 'error' ? 'error' : 'ok',
      checks: {
        database: { status: checks.database?.status ?? 'down' },
        kafka: { status: checks.kafka?.status ?? 'down' },
      },
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
        () =>
          this.indicators
            .check('database')
            .attempt(() => this.dataSource.query('SELECT 1').then(() => undefined))
            .withTimeout(CHECK_TIMEOUT_MS),
        () =>
          this.indicators
            .check('kafka')
            .attempt(async () => {
              const admin = this.kafka.admin();
              await admin.connect();
              try {
                await admin.describeCluster();
              } finally {
                await admin.disconnect();
              }
            })
            .withTimeout(CHECK_TIMEOUT_MS),
        ...(this.lagMonitor.watching ? [() => this.consumerLag()] : []),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
    }
    response.status(result.status === 'error' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return { status: result.status, checks: result.details };
  }

  /** A lagging consumer still serves: degraded, never down, so catching up isn't made harder by a restart. */
  private async consumerLag() {
    const indicator = this.indicators.check('consumerLag');
    const max = this.config.maxConsumerLag;
    try {
      const lag = await this.lagMonitor.lag();
      const data = { group: lag?.group ?? null, lag: lag?.total ?? 0, max };
      return (lag?.total ?? 0) > max ? indicator.degraded(data) : indicator.up(data);
    } catch (error) {
      return indicator.degraded({ max, message: `lag unknown: ${(error as Error).message}` });
    }
  }
}
