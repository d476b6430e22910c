import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { RateCost } from './rate-cost.decorator.js';
import { RateLimiter, RateLimits } from './rate-limiter.js';
import { AcceptsStreamToken, StreamTokens } from './stream-token.js';
import { DEV_API_KEYS } from './api-key.js';
import { ApiKeyGuard, rolesFor } from './api-key.guard.js';
import { ApiKeyStore } from './api-key.store.js';
import { Public } from './public.decorator.js';
import { Roles } from './roles.decorator.js';

class Routes {
  @Public()
  health(): void {}

  @Roles('admin', 'partner')
  write(): void {}

  read(): void {}

  @AcceptsStreamToken()
  stream(): void {}

  @RateCost((request: Request) => 1 + (request.body as { terms: string[] }).terms.length)
  resolve(): void {}
}

const contextFor = (
  handler: keyof Routes,
  method: string,
  authorization?: string,
  ip = '10.0.0.1',
  body = {},
  query: Record<string, string> = {},
) => {
  const request = { method, headers: { authorization }, principal: undefined as unknown, ip, body, query };
  const headers: Record<string, string> = {};
  const response = { setHeader: (name: string, value: string) => (headers[name] = value) };
  const context = {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
  return { context, request, headers };
};

const STREAM_TOKENS = new StreamTokens('test-secret');

const guard = (limit = 100, { authFailures = 100, publicRoutes = 100 } = {}) =>
  new ApiKeyGuard(
    new Reflector(),
    new ApiKeyStore({ kind: 'development', entries: DEV_API_KEYS }),
    new RateLimits(new RateLimiter(limit), new RateLimiter(authFailures), new RateLimiter(publicRoutes)),
    STREAM_TOKENS,
  );

const outcome = (
  subject: ApiKeyGuard,
  handler: keyof Routes,
  method: string,
  key?: string,
  ip?: string,
  body?: object,
): number => {
  try {
    subject.canActivate(contextFor(handler, method, key === undefined ? undefined : `Bearer ${key}`, ip, body).context);
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
};

describe('ApiKeyGuard', () => {
  it('defaults reads to every role and writes to admin', () => {
    expect(rolesFor(undefined, 'GET')).toEqual(['admin', 'partner', 'dashboard']);
    expect(rolesFor(undefined, 'head')).toEqual(['admin', 'partner', 'dashboard']);
    expect(rolesFor(undefined, 'POST')).toEqual(['admin']);
    expect(rolesFor(['partner'], 'DELETE')).toEqual(['partner']);
  });

  it('answers 401, 403 or passes, by key and route', () => {
    const subject = guard();
    expect(outcome(subject, 'health', 'GET')).toBe(200);
    expect(outcome(subject, 'read', 'GET')).toBe(401);
    expect(outcome(subject, 'read', 'GET', 'nope')).toBe(401);
    expect(outcome(subject, 'read', 'GET', 'dev-dashboard-key')).toBe(200);
    expect(outcome(subject, 'read', 'POST', 'dev-partner-key')).toBe(403);
    expect(outcome(subject, 'read', 'POST', 'dev-admin-key')).toBe(200);
    expect(outcome(subject, 'write', 'PUT', 'dev-partner-key')).toBe(200);
    expect(outcome(subject, 'write', 'PUT', 'dev-dashboard-key')).toBe(403);
  });

  it('sets the principal, WWW-Authenticate on 401 and Retry-After on 429', () => {
    const subject = guard(1);
    const allowed = contextFor('read', 'GET', 'Bearer dev-partner-key');
    subject.canActivate(allowed.context);
    expect(allowed.request.principal).toEqual({ role: 'partner', source: 'demo-partner', keyId: 'dev-partner' });
    const limited = contextFor('read', 'GET', 'Bearer dev-partner-key');
    expect(() => subject.canActivate(limited.context)).toThrow(expect.objectContaining({ status: 429 }));
    expect(Number(limited.headers['Retry-After'])).toBeGreaterThan(0);
    const anonymous = contextFor('read', 'GET', 'Basic abc');
    expect(() => subject.canActivate(anonymous.context)).toThrow(expect.objectContaining({ status: 401 }));
    expect(anonymous.headers['WWW-Authenticate']).toContain('Bearer');
  });

  it('charges a costed route by the request', () => {
    const subject = guard(10);
    const resolve = (terms: number) =>
      outcome(subject, 'resolve', 'POST', 'dev-admin-key', undefined, { terms: Array(terms).fill('x') });
    expect([resolve(4), resolve(4), resolve(0), resolve(0)]).toEqual([200, 200, 429, 429]);
    expect(outcome(guard(10), 'read', 'GET', 'dev-partner-key')).toBe(200);
  });

  it('answers 429 to an address past its failed authentications, without checking its key', () => {
    const subject = guard(100, { authFailures: 2 });
    expect([1, 2].map(() => outcome(subject, 'read', 'GET', 'guess', '10.0.0.9'))).toEqual([401, 401]);
    expect(outcome(subject, 'read', 'GET', 'dev-admin-key', '10.0.0.9')).toBe(429);
    expect(outcome(subject, 'read', 'GET', 'dev-admin-key', '10.0.0.8')).toBe(200);
    expect(outcome(subject, 'read', 'GET', 'guess', '10.0.0.8')).toBe(401);
  });

  it('limits routes without a key per address', () => {
    const subject = guard(100, { publicRoutes: 2 });
    expect([1, 2, 3].map(() => outcome(subject, 'health', 'GET', undefined, '10.0.0.7'))).toEqual([200, 200, 429]);
    expect(outcome(subject, 'health', 'GET', undefined, '10.0.0.6')).toBe(200);
  });

  it('takes a stream token in the query on stream routes only, as the key it stands for', () => {
    const subject = guard();
    const { token } = STREAM_TOKENS.issue('dev-dashboard');
    const open = (handler: keyof Routes, accessToken: string) => {
      const { context, request } = contextFor(handler, 'GET', undefined, '10.0.0.5', {}, { access_token: accessToken });
      try {
        subject.canActivate(context);
        return { status: 200, principal: request.principal };
      } catch (error) {
        return { status: (error as { status: number }).status };
      }
    };
    expect(open('stream', token)).toEqual({
      status: 200,
      principal: { role: 'dashboard', keyId: 'dev-dashboard' },
    });
    expect(open('read', token)).toEqual({ status: 401 });
    expect(open('stream', `${token}x`)).toEqual({ status: 401 });
    expect(open('stream', new StreamTokens('test-secret').issue('revoked-key').token)).toEqual({ status: 401 });
  });
});
