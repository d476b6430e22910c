import { DomainError } from '../errors/domain-error.js';

export class UnauthenticatedError extends DomainError {
  constructor() {
    super('AUTH.UNAUTHENTICATED', 'A valid API key is required: Authorization: Bearer <key>', 401);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('AUTH.FORBIDDEN', message, 403);
  }
}

export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    what = 'this API key',
  ) {
    super('RATE_LIMITED', `Too many requests for ${what}; retry in ${retryAfterSeconds} s`, 429, {
      retryAfterSeconds,
    });
  }
}
