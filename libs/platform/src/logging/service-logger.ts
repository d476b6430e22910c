import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger as NestPinoLogger, PinoLogger, type Params } from 'nestjs-pino';
import { pino } from 'pino';
import { CORRELATION_HEADER, correlationIdFrom, currentCorrelationId } from './correlation.js';
import type { CorrelatedRequest } from './correlation.middleware.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Probes and scrapes would drown the request log. */
const QUIET_PATHS = /^\/(health|metrics)(\/|\?|$)/;

const hasCorrelationBinding = (logger: pino.Logger): boolean => {
  const bindings = (logger as unknown as Record<symbol, unknown>)[pino.symbols.chindingsSym];
  return typeof bindings === 'string' && bindings.includes('"correlationId"');
};

let params: Params | undefined;

/**
 * One JSON logger per process (pino): every line has the service name and, inside an HTTP request or a consumed
 * event, its correlationId. Request lines carry method, path and status only: headers (the API key) never.
 */
export const serviceLoggerParams = (service: string, level: LogLevel): Params =>
  (params ??= {
    pinoHttp: {
      logger: pino({
        level,
        base: { service },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        mixin: (_object, _level, logger) => {
          const correlationId = currentCorrelationId();
          return correlationId && !hasCorrelationBinding(logger) ? { correlationId } : {};
        },
      }),
      genReqId: (request: IncomingMessage & CorrelatedRequest) =>
        request.correlationId ?? correlationIdFrom(request.headers[CORRELATION_HEADER]),
      customAttributeKeys: { reqId: 'correlationId' },
      quietReqLogger: true,
      autoLogging: { ignore: (request: IncomingMessage) => QUIET_PATHS.test(request.url ?? '') },
      customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (request: { method?: string; url?: string }) => ({ method: request.method, url: request.url }),
        res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
      },
    },
  });

/** Nest's LoggerService writing through the process' pino logger; usable before the Nest app exists. */
export const createNestLogger = (service: string, level: LogLevel): NestPinoLogger => {
  const loggerParams = serviceLoggerParams(service, level);
  return new NestPinoLogger(new PinoLogger(loggerParams), loggerParams);
};
