import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { CorrelatedRequest } from '../logging/correlation.middleware.js';
import { DomainError } from './domain-error.js';

/**
 * One mapping from errors to HTTP answers. Known errors keep their code; anything else becomes a 500 whose
 * body carries only an errorId that also appears in the log, never a stack, SQL or path.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof DomainError) {
      response
        .status(exception.status)
        .json({ statusCode: exception.status, code: exception.code, message: exception.message, ...exception.details });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const parserError = bodyParserMessage(exception.cause);
      if (parserError) {
        response.status(status).json({ statusCode: status, code: codeForStatus(status), message: parserError });
        return;
      }
      const body = exception.getResponse();
      const payload = typeof body === 'string' ? { message: body } : (body as Record<string, unknown>);
      response.status(status).json({ statusCode: status, code: codeForStatus(status), ...payload });
      return;
    }
    const errorId = randomUUID();
    const correlationId = host.switchToHttp().getRequest<CorrelatedRequest>().correlationId;
    this.logger.error(
      `errorId=${errorId} correlationId=${correlationId ?? '-'} ${(exception as Error)?.stack ?? String(exception)}`,
    );
    response.status(500).json({ statusCode: 500, code: 'INTERNAL', message: 'Internal server error', errorId });
  }
}

/** Body-parser failures (bad JSON, a body over the limit) explained in our words, not the parser's. */
const bodyParserMessage = (cause: unknown): string | undefined => {
  const type = (cause as { type?: unknown } | undefined)?.type;
  if (type === 'entity.parse.failed') return 'The request body is not valid JSON';
  if (type === 'entity.too.large') return 'The request body is larger than the limit';
  if (typeof type === 'string' && type.startsWith('encoding.')) return 'The request body encoding is not supported';
  return undefined;
};

const codeForStatus = (status: number): string =>
  (
    ({
      400: 'BAD_REQUEST',
      401: 'UNAUTHORIZED',
      403: 'FORBIDDEN',
      404: 'NOT_FOUND',
      409: 'CONFLICT',
      413: 'PAYLOAD_TOO_LARGE',
      415: 'UNSUPPORTED_MEDIA_TYPE',
      429: 'TOO_MANY_REQUESTS',
    }) as Record<number, string>
  )[status] ?? 'HTTP_ERROR';
