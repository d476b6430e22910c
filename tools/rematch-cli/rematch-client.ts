import { apiRequest, describeAnswer } from '../cli/api-request.js';
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
    const answer = await apiRequest(this.fetchFn, `${this.baseUrl}${path}`, this.key, method, body, signal);
    if (!answer.ok) throw new RematchHttpError(answer.status, `${method} ${path}: ${describeAnswer(answer)}`);
    return answer.body as T;
  }
}
