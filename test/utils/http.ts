export interface HttpResult<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** The developer admin key services accept when no keys are configured (test/utils/service-process.ts). */
export const DEV_ADMIN_KEY = 'dev-admin-key';
export const DEV_PARTNER_KEY = 'dev-partner-key';
export const DEV_DASHBOARD_KEY = 'dev-dashboard-key';

export interface HttpOptions {
  /** The bearer key; defaults to the dev admin key, `null` sends no Authorization header. */
  readonly apiKey?: string | null;
  readonly headers?: Record<string, string>;
}

/**
 * Real HTTP against a running service, as the dev admin unless told otherwise; the body is parsed JSON, the raw
 * text when it isn't JSON, or null when there is none. A string body is sent as is (for malformed-JSON tests).
 */
export const http = async <T = unknown>(
  url: string,
  method = 'GET',
  body?: unknown,
  options: HttpOptions = {},
): Promise<HttpResult<T>> => {
  const apiKey = options.apiKey === undefined ? DEV_ADMIN_KEY : options.apiKey;
  const response = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }),
      ...options.headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
};
