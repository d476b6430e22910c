const REQUEST_TIMEOUT_MS = 10_000;

/** What a service answered: its status and its body, parsed as JSON (or the start of the text when not JSON). */
export interface ApiAnswer {
  readonly status: number;
  readonly ok: boolean;
  readonly body: unknown;
}

/** One JSON request to a Parkmatch service with an API key; network trouble and timeouts throw. */
export const apiRequest = async (
  fetchFn: typeof fetch,
  url: string,
  key: string,
  method: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<ApiAnswer> => {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const response = await fetchFn(url, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = { message: text.slice(0, 200) };
  }
  return { status: response.status, ok: response.ok, body: parsed };
};

/** `HTTP 400 VALIDATION.FAILED: …`, with a hint for a key the service refused. */
export const describeAnswer = ({ status, body }: Pick<ApiAnswer, 'status' | 'body'>): string => {
  const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
  const detail = [code, message].filter((part) => typeof part === 'string' && part !== '').join(': ');
  const hint = status === 401 ? ' (is --key a valid API key?)' : status === 403 ? ' (--key needs the admin role)' : '';
  return `HTTP ${status}${detail ? ` ${detail}` : ''}${hint}`;
};
