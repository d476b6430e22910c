export interface HttpResult<T = unknown> {
  readonly status: number;
  readonly body: T;
}

/** Real HTTP against a running service; the body is parsed JSON, or null when there is none. */
export const http = async <T = unknown>(url: string, method = 'GET', body?: unknown): Promise<HttpResult<T>> => {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
};
