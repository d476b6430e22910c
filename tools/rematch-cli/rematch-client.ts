import type { RematchRequest } from './rematch-args.js';
import type { JobProgress } from './progress-bar.js';

export const FINAL_STATUSES = ['completed', 'failed', 'cancelled'] as const;

/** The parts of a rematch job the CLI reads; the rest is printed as the service sent it. */
export interface RematchJob {
  readonly id: string;
  readonly status: string;
  readonly progress: JobProgress;
  readonly [field: string]: unknown;
}

export interface RematchAccepted {
  readonly jobId: string;
  readonly status: string;
}

/** An answer the service gave: kept apart from network trouble, which is worth retrying. */
export class RematchHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RematchHttpError';
  }
}

const REQUEST_TIMEOUT_MS = 10_000;

const describe = (status: number, body: unknown): string => {
  const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
  const detail = [code, message].filter((part) => typeof part === 'string' && part !== '').join(': ');
  const hint = status === 401 ? ' (is --key a valid API key?)' : status === 403 ? ' (--key needs the admin role)' : '';
  return `HTTP ${status}${detail ? ` ${detail}` : ''}${hint}`;
};

/** The `/admin/rematch` endpoints of the matching service. */
export class RematchClient {
  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  request(request: RematchRequest): Promise<RematchAccepted> {
    return this.call<RematchAccepted>('POST', '/admin/rematch', request);
  }

  /** `signal` abandons the request, so Ctrl-C is not held up by a slow answer. */
  job(jobId: string, signal?: AbortSignal): Promise<RematchJob> {
    return this.call<RematchJob>('GET', `/admin/rematch/${encodeURIComponent(jobId)}`, undefined, signal);
  }

  cancel(jobId: string): Promise<RematchJob> {
    return this.call<RematchJob>('POST', `/admin/rematch/${encodeURIComponent(jobId)}/cancel`);
  }

  private async call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const response = await this.fetchFn(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.key}`,
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
    if (!response.ok)
      throw new RematchHttpError(response.status, `${method} ${path}: ${describe(response.status, parsed)}`);
    return parsed as T;
  }
}
