import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from './metrics.js';

/** The route pattern (`/companies/:id`), never the raw path, so ids don't explode the label set. */
const routeOf = (request: Request): string => {
  const route = (request.route as { path?: unknown } | undefined)?.path;
  return typeof route === 'string' ? `${request.baseUrl}${route}` : 'unmatched';
};

export const httpMetricsMiddleware = (request: Request, response: Response, next: NextFunction): void => {
  const stop = httpRequestDuration.startTimer();
  response.once('finish', () => stop({ method: request.method, route: routeOf(request), status: response.statusCode }));
  next();
};
