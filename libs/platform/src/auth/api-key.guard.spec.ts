import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RateLimiter } from './rate-limiter.js';
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
}

const contextFor = (handler: keyof Routes, method: string, authorization?: string) => {
  const request = { method, headers: { authorization }, principal: undefined as unknown };
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

const guard = (limit = 100) =>
  new ApiKeyGuard(
    new Reflector(),
    new ApiKeyStore({ kind: 'development', entries: DEV_API_KEYS }),
    new RateLimiter(limit),
  );

const outcome = (subject: ApiKeyGuard, handler: keyof Routes, method: string, key?: string): number => {
  try {
    subject.canActivate(contextFor(handler, method, key === undefined ? undefined : `Bearer ${key}`).context);
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
});
