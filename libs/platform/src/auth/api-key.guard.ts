import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { RATE_COST, rateCostOf, type RateCostOf } from './rate-cost.decorator.js';
import { RateLimits, type RateDecision } from './rate-limiter.js';
import { ACCEPTS_STREAM_TOKEN, StreamTokens } from './stream-token.js';
import type { ApiRole } from './api-key.js';
import { ApiKeyStore } from './api-key.store.js';
import { ForbiddenError, RateLimitedError, UnauthenticatedError } from './auth.errors.js';
import type { AuthenticatedRequest } from './principal.decorator.js';
import { PUBLIC_ROUTE } from './public.decorator.js';
import { ROUTE_ROLES } from './roles.decorator.js';

const READ_METHODS = new Set(['GET', 'HEAD']);
const EVERY_ROLE: readonly ApiRole[] = ['admin', 'partner', 'dashboard'];

/** The roles a route admits: its `@Roles`, else reads for every role and writes for admin. */
export const rolesFor = (declared: readonly ApiRole[] | undefined, method: string): readonly ApiRole[] =>
  declared ?? (READ_METHODS.has(method.toUpperCase()) ? EVERY_ROLE : ['admin']);

const bearerToken = (header: string | undefined): string | undefined => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
};

/** The client's address as the socket saw it (a proxy in front would need `trust proxy` to pass the real one on). */
const clientAddress = (request: Request): string => request.ip ?? request.socket?.remoteAddress ?? 'unknown';

/**
 * Every HTTP route needs `Authorization: Bearer <key>` unless `@Public()`: 401 without a valid key, 429 past the
 * key's rate limit (an `@RateCost` route spends more of it), 403 when the key's role may not call the route. An
 * address past its failed-authentication limit gets 429 without its key being checked, and routes without a key
 * are limited per address. Kafka handlers are not HTTP and pass.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyStore,
    private readonly limits: RateLimits,
    private readonly streamTokens: StreamTokens,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const http = context.switchToHttp();
    const request = http.getRequest<Request & AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    const address = clientAddress(request);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      this.enforce(this.limits.publicRoutes.take(address), response, 'this address');
      return true;
    }

    // Guessing keys is slowed per address: past the limit the key is not even checked.
    this.enforce(this.limits.authFailures.check(address), response, 'failed authentications from this address');
    const token = bearerToken(request.headers.authorization);
    const principal =
      token !== undefined
        ? this.keys.authenticate(token)
        : this.reflector.getAllAndOverride<boolean>(ACCEPTS_STREAM_TOKEN, targets)
          ? this.fromStreamToken(request)
          : undefined;
    if (!principal) {
      this.limits.authFailures.take(address);
      response.setHeader('WWW-Authenticate', 'Bearer realm="parkmatch"');
      throw new UnauthenticatedError();
    }
    request.principal = principal;

    const cost = rateCostOf(this.reflector.getAllAndOverride<RateCostOf>(RATE_COST, targets), request);
    this.enforce(this.limits.perKey.take(principal.keyId, cost), response, 'this API key');

    const roles = rolesFor(this.reflector.getAllAndOverride<ApiRole[]>(ROUTE_ROLES, targets), request.method);
    if (principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw new ForbiddenError(`The ${principal.role} role may not ${request.method} this resource`);
    }
    return true;
  }

  /** A browser's event stream: `?access_token=` holds a stream token, which stands for the key that asked for it. */
  private fromStreamToken(request: Request): ReturnType<ApiKeyStore['authenticate']> {
    const token = (request.query as Record<string, unknown> | undefined)?.access_token;
    const keyId = typeof token === 'string' ? this.streamTokens.keyIdOf(token) : undefined;
    return keyId === undefined ? undefined : this.keys.principalById(keyId);
  }

  private enforce(decision: RateDecision, response: Response, what: string): void {
    if (decision.allowed) return;
    response.setHeader('Retry-After', String(decision.retryAfterSeconds));
    throw new RateLimitedError(decision.retryAfterSeconds, what);
  }
}
