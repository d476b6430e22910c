import { type DynamicModule, type INestApplication, Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceConfig } from '../config/service-config.js';
import { HttpExceptionFilter } from '../errors/http-exception.filter.js';
import { CORRELATION_HEADER } from '../logging/correlation.js';
import { correlationMiddleware } from '../logging/correlation.middleware.js';
import { createNestLogger } from '../logging/service-logger.js';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware.js';
import { metricsRegistry } from '../metrics/metrics.js';
import { HttpDrain } from './http-drain.js';
import { describeDtosFromValidators } from './openapi-from-validators.js';
import { createValidationPipe } from './validation.pipe.js';

export interface ServiceAppOptions {
  readonly service: string;
  readonly module: Type | DynamicModule;
  readonly config: ServiceConfig;
}

/** The repository root, found from this file in src/ (tests) or dist/ (services). */
const projectRoot = (): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
};

const ASYNCAPI_PATH = '/docs/asyncapi.yaml';
/** The same document as a page for partner developers, generated beside the YAML by `npm run asyncapi`. */
const ASYNCAPI_PAGE_PATH = '/docs/events';

/** How long a shutdown waits for requests in flight before it closes their connections. */
const HTTP_DRAIN_TIMEOUT_MS = 10_000;

/** Each app's drain, installed by createServiceApp and run by listenService on shutdown. */
const drains = new WeakMap<INestApplication, HttpDrain>();

/**
 * OpenAPI from the controllers and DTOs at /docs (UI) and /docs-json, with the bearer scheme; the AsyncAPI
 * document of the events (YAML, and its page) is served beside it when the repository's docs/ is present.
 */
const setUpApiDocs = (app: INestApplication, service: string): void => {
  const docsDir = path.join(projectRoot(), 'docs');
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
          `Events (Kafka topics, envelopes, payloads, examples): [the event reference](${ASYNCAPI_PAGE_PATH}), ` +
            `also as the [AsyncAPI document](${ASYNCAPI_PATH}).`,
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
  const serveDocument = (route: string, file: string, contentType: string): void => {
    http.get(route, (_request: Request, response: Response) => {
      const documentFile = path.join(docsDir, file);
      if (!existsSync(documentFile)) {
        response.status(404).json({ statusCode: 404, code: 'NOT_FOUND', message: 'No AsyncAPI document here' });
        return;
      }
      response.type(contentType).send(readFileSync(documentFile, 'utf8'));
    });
  };
  serveDocument(ASYNCAPI_PATH, 'asyncapi.yaml', 'application/yaml');
  serveDocument(ASYNCAPI_PAGE_PATH, 'asyncapi.html', 'text/html');
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: `Parkmatch ${service} API`,
    swaggerOptions: { persistAuthorization: true },
  });
};

/** Logs as the service from here on, labels its metrics, and says what its configuration should not be in production. */
export const prepareServiceProcess = (service: string, config: ServiceConfig): Logger => {
  Logger.overrideLogger(createNestLogger(service, config.logLevel));
  const logger = new Logger(service);
  metricsRegistry.setDefaultLabels({ service });
  if (config.apiKeys.kind === 'development') {
    logger.warn(
      'No API keys configured (PARKMATCH_API_KEYS, PARKMATCH_API_KEYS_FILE): the development keys dev-admin-key, dev-partner-key and dev-dashboard-key are accepted. Never run like this outside development.',
    );
  }
  for (const warning of config.kafkaSecurity.warnings) logger.warn(warning);
  return logger;
};

/** A Nest module as an HTTP application: JSON logs, security headers, CORS, body limit, validation, errors, API docs. */
export const createServiceApp = async (options: ServiceAppOptions): Promise<NestExpressApplication> => {
  const { config } = options;
  const app = await NestFactory.create<NestExpressApplication>(options.module, {
    abortOnError: false,
    logger: createNestLogger(options.service, config.logLevel),
    // Our own JSON parser below, with the configured limit; nothing else is parsed.
    bodyParser: false,
  });
  app.disable('x-powered-by');
  const drain = new HttpDrain();
  drains.set(app, drain);
  app.use(drain.middleware);
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
  return app;
};

/**
 * Listens, and on SIGTERM or SIGINT shuts down in the order that answers no request with a 500: stop accepting
 * connections and drain the requests in flight, then stop the consumers, then close the rest (relay, producer, and
 * the database last), and exit.
 */
export const listenService = async (app: INestApplication, service: string, config: ServiceConfig): Promise<void> => {
  const logger = new Logger(service);
  await app.listen(config.port, config.host);
  logger.log(`${service} listening on http://${config.host}:${config.port} (API docs at /docs)`);

  let closing: Promise<void> | undefined;
  const shutdown = (signal: string): void => {
    closing ??= (async () => {
      logger.log(`${signal}: refusing new connections, draining requests in flight`);
      const drain = drains.get(app);
      if (drain && !(await drain.drain(app.getHttpServer() as Server, HTTP_DRAIN_TIMEOUT_MS))) {
        logger.warn(`requests still in flight after ${HTTP_DRAIN_TIMEOUT_MS} ms: their connections were closed`);
      }
      logger.log('stopping consumers, then closing the relay, producer and database');
      // Consumers first, so no event starts while the outbox relay, producer and database close behind them.
      for (const microservice of app.getMicroservices()) await microservice.close();
      await app.close();
      process.exit(0);
    })();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
};
