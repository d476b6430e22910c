import { type DynamicModule, type INestApplication, Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Transport } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceConfig } from '../config/service-config.js';
import { HttpExceptionFilter } from '../errors/http-exception.filter.js';
import { ConsumerLagMonitor } from '../kafka/consumer-lag.monitor.js';
import { ensureTopics } from '../kafka/ensure-topics.js';
import { createKafka, kafkaClientConfig } from '../kafka/kafka-client.js';
import { CORRELATION_HEADER } from '../logging/correlation.js';
import { correlationMiddleware } from '../logging/correlation.middleware.js';
import { createNestLogger } from '../logging/service-logger.js';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware.js';
import { metricsRegistry } from '../metrics/metrics.js';
import { describeDtosFromValidators } from './openapi-from-validators.js';
import { createValidationPipe } from './validation.pipe.js';

export interface ServiceBootstrapOptions {
  readonly service: string;
  readonly module: Type | DynamicModule;
  readonly config: ServiceConfig;
  /** Applies the service's migrations before anything else touches its schema. */
  readonly migrate: () => Promise<string[]>;
  /** Set when the service consumes events: it joins this consumer group (prefixed by KAFKA_GROUP_PREFIX). */
  readonly consumerGroup?: string;
}

/** The repository root, found from this file in src/ (tests) or dist/ (services). */
const projectRoot = (): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
};

const ASYNCAPI_PATH = '/docs/asyncapi.yaml';

/**
 * OpenAPI from the controllers and DTOs at /docs (UI) and /docs-json, with the bearer scheme; the AsyncAPI
 * document of the events is served beside it when the repository's docs/ is present.
 */
const setUpApiDocs = (app: INestApplication, service: string): void => {
  const asyncApiFile = path.join(projectRoot(), 'docs', 'asyncapi.yaml');
  const { version } = JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`Parkmatch ${service}`)
      .setDescription(
        [
          `The ${service} service's REST API. Every route except /health* needs \`Authorization: Bearer <API key>\`:`,
          'admin keys may do everything; partner keys create, update and withdraw their own source’s records and',
          'read vocabularies; dashboard keys read. Errors: `{statusCode, code, message, errors?}`.',
          '',
          `Events (Kafka topics, envelopes, payloads): the [AsyncAPI document](${ASYNCAPI_PATH}).`,
        ].join('\n'),
      )
      .setVersion(version)
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'API key',
        description: 'An API key (`npm run keys -- create`)',
      })
      .addSecurityRequirements('bearer')
      .build(),
  );
  describeDtosFromValidators(app, document);
  for (const [route, operations] of Object.entries(document.paths)) {
    if (!route.startsWith('/health')) continue;
    for (const operation of Object.values(operations as Record<string, { security?: unknown[] }>))
      operation.security = [];
  }
  const http = app.getHttpAdapter();
  http.get(ASYNCAPI_PATH, (_request: Request, response: Response) => {
    if (!existsSync(asyncApiFile)) {
      response.status(404).json({ statusCode: 404, code: 'NOT_FOUND', message: 'No AsyncAPI document here' });
      return;
    }
    response.type('application/yaml').send(readFileSync(asyncApiFile, 'utf8'));
  });
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: `Parkmatch ${service} API`,
    swaggerOptions: { persistAuthorization: true },
  });
};

/**
 * Turns a Nest module into a running Parkmatch service: JSON logs, security headers, CORS, body limit, API docs,
 * metrics, HTTP, optional Kafka consumers, graceful shutdown.
 */
export const bootstrapService = async (options: ServiceBootstrapOptions): Promise<INestApplication> => {
  const { config } = options;
  const nestLogger = createNestLogger(options.service, config.logLevel);
  Logger.overrideLogger(nestLogger);
  const logger = new Logger(options.service);
  metricsRegistry.setDefaultLabels({ service: options.service });
  if (config.apiKeys.kind === 'development') {
    logger.warn(
      'No API keys configured (PARKMATCH_API_KEYS, PARKMATCH_API_KEYS_FILE): the development keys dev-admin-key, dev-partner-key and dev-dashboard-key are accepted. Never run like this outside development.',
    );
  }
  for (const warning of config.kafkaSecurity.warnings) logger.warn(warning);

  const applied = await options.migrate();
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
  await ensureTopics(createKafka(`${options.service}-admin`, config.kafkaBrokers, config.kafkaSecurity));

  const app = await NestFactory.create<NestExpressApplication>(options.module, {
    abortOnError: false,
    logger: nestLogger,
    // Our own JSON parser below, with the configured limit; nothing else is parsed.
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.use(correlationMiddleware);
  app.use(httpMetricsMiddleware);
  app.use(helmet());
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins.includes('*') ? true : [...config.http.corsOrigins],
      allowedHeaders: ['Authorization', 'Content-Type', CORRELATION_HEADER],
      exposedHeaders: [CORRELATION_HEADER, 'Retry-After'],
      maxAge: 600,
    });
  }
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  setUpApiDocs(app, options.service);

  if (options.consumerGroup) {
    const groupId = `${config.kafkaGroupPrefix}.${options.consumerGroup}`;
    app.get(ConsumerLagMonitor).watch(groupId);
    app.connectMicroservice<MicroserviceOptions>({
      transport: Transport.KAFKA,
      options: {
        postfixId: '',
        client: kafkaClientConfig(options.service, config.kafkaBrokers, config.kafkaSecurity),
        consumer: {
          groupId,
          // Short fetch waits make rebalances and shutdowns take well under a second on a quiet topic.
          maxWaitTimeInMs: 200,
          sessionTimeout: 15_000,
          heartbeatInterval: 1_000,
          allowAutoTopicCreation: false,
        },
        subscribe: { fromBeginning: true },
        // Values stay raw bytes: the intake parses and validates them itself and dead-letters what it can't.
        parser: { keepBinary: true },
      },
    });
    await app.startAllMicroservices();
  }
  await app.listen(config.port, config.host);
  logger.log(`${options.service} listening on http://${config.host}:${config.port} (API docs at /docs)`);

  let closing: Promise<void> | undefined;
  const shutdown = (signal: string): void => {
    closing ??= (async () => {
      logger.log(`${signal}: stopping consumers, draining, closing`);
      // Consumers first, so no event starts while the outbox relay, producer and database close behind them.
      for (const microservice of app.getMicroservices()) await microservice.close();
      await app.close();
      process.exit(0);
    })();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return app;
};
