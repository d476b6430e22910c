import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ApiKeyGuard } from './auth/api-key.guard.js';
import { ApiKeyStore } from './auth/api-key.store.js';
import { RateLimits } from './auth/rate-limiter.js';
import { StreamTokens } from './auth/stream-token.js';
import type { ServiceConfig } from './config/service-config.js';
import { databaseProbe } from './database/database-readiness.js';
import { Transactions } from './database/transactions.js';
import { HealthController } from './health/health.controller.js';
import { DATABASE_PROBE } from './health/readiness-probe.js';
import { CorrelationInterceptor } from './logging/correlation.interceptor.js';
import { serviceLoggerParams } from './logging/service-logger.js';
import { MetricsController } from './metrics/metrics.controller.js';

export interface PlatformOptions {
  /** The service's name, on every log line. */
  readonly service: string;
  readonly config: ServiceConfig;
}

/**
 * What every service's HTTP side shares: API key authentication and rate limiting (global guard), correlation ids,
 * JSON logs, health and metrics; database transactions.
 */
@Global()
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        LoggerModule.forRoot(serviceLoggerParams(options.service, options.config.logLevel)),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: ApiKeyStore, useValue: new ApiKeyStore(options.config.apiKeys) },
        { provide: RateLimits, useValue: RateLimits.of(options.config.http) },
        { provide: StreamTokens, useValue: new StreamTokens(options.config.http.streamTokenSecret) },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_INTERCEPTOR, useClass: CorrelationInterceptor },
        { provide: DATABASE_PROBE, inject: [DataSource], useFactory: databaseProbe },
        Transactions,
      ],
      exports: [ApiKeyStore, StreamTokens, Transactions],
    };
  }
}
