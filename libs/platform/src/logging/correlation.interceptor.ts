import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { withCorrelationId } from './correlation.js';
import type { CorrelatedRequest } from './correlation.middleware.js';

/**
 * Runs each HTTP handler inside its request's correlation context. The middleware sets it too, but stream events
 * (body parsing) can resume outside it, so the handler, where events are enqueued, gets it again here.
 */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const correlationId = context.switchToHttp().getRequest<CorrelatedRequest>().correlationId;
    if (!correlationId) return next.handle();
    return new Observable((subscriber) => withCorrelationId(correlationId, () => next.handle().subscribe(subscriber)));
  }
}
