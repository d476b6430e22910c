import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, correlationIdFrom, withCorrelationId } from './correlation.js';

export interface CorrelatedRequest {
  correlationId?: string;
}

/** Takes `x-correlation-id` from the caller (or makes one), echoes it and keeps it for logs and events. */
export const correlationMiddleware = (request: Request & CorrelatedRequest, response: Response, next: NextFunction) => {
  const correlationId = correlationIdFrom(request.headers[CORRELATION_HEADER]);
  request.correlationId = correlationId;
  response.setHeader(CORRELATION_HEADER, correlationId);
  withCorrelationId(correlationId, next);
};
