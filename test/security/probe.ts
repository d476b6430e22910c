import { randomUUID } from 'node:crypto';
import { DEV_ADMIN_KEY, DEV_DASHBOARD_KEY, DEV_PARTNER_KEY } from '../utils/http.js';

export type Role = 'admin' | 'partner' | 'dashboard';
export type Caller = Role | 'no key' | 'wrong key';

export const CALLERS: readonly Caller[] = ['admin', 'partner', 'dashboard', 'no key', 'wrong key'];

export const KEY_OF: Record<Caller, string | null> = {
  admin: DEV_ADMIN_KEY,
  partner: DEV_PARTNER_KEY,
  dashboard: DEV_DASHBOARD_KEY,
  'no key': null,
  'wrong key': 'dev-admin-key-but-forged',
};

export interface Probe {
  readonly status: number;
  readonly body: string;
  readonly headers: Headers;
}

/**
 * One request that reads the status and at most a little of the body, so streaming routes (SSE) answer too.
 * Path parameters (`{id}`) become random UUIDs; write bodies carry an unknown field, so a route with a body DTO
 * refuses them (400) after the guard has spoken, and nothing is created.
 */
export const probe = async (baseUrl: string, method: string, openApiPath: string, caller: Caller): Promise<Probe> => {
  const path = openApiPath.replace(/\{[^}]+\}/g, () => randomUUID());
  const key = KEY_OF[caller];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      signal: controller.signal,
      headers: {
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...(method === 'GET' || method === 'HEAD' ? {} : { 'content-type': 'application/json' }),
      },
      body: method === 'GET' || method === 'HEAD' ? undefined : JSON.stringify({ authMatrixProbe: true }),
    });
    const streaming = response.headers.get('content-type')?.includes('text/event-stream');
    const body = streaming ? '' : await response.text();
    if (streaming) await response.body?.cancel();
    return { status: response.status, body, headers: response.headers };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
};

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Every route a running service exposes, as `METHOD /path/{param}`, from its generated OpenAPI document. */
export const exposedRoutes = async (baseUrl: string): Promise<string[]> => {
  const response = await fetch(`${baseUrl}/docs-json`);
  if (!response.ok) throw new Error(`${baseUrl}/docs-json answered ${response.status}`);
  const document = (await response.json()) as OpenApiDocument;
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => HTTP_METHODS.has(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
};
