import type { RematchRequest } from './rematch-args.js';
import { FINAL_STATUSES, RematchHttpError, type RematchClient, type RematchJob } from './rematch-client.js';
import { renderProgressBar } from './progress-bar.js';

export const POLL_INTERVAL_MS = 500;
/** How long polling rides out an unreachable or failing service (a restart, say) before giving up. */
export const MAX_UNREACHABLE_MS = 30_000;

export const EXIT_CODES = { completed: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export interface TextSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface RematchRunIo {
  readonly client: Pick<RematchClient, 'request' | 'job' | 'cancel'>;
  readonly stdout: TextSink;
  /** Progress and messages; the bar is redrawn in place on a terminal, written on change otherwise. */
  readonly stderr: TextSink;
  /** Resolves after `ms`, or early once `signal` is aborted. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Aborted by Ctrl-C. */
  readonly interrupted: AbortSignal;
  readonly now?: () => number;
}

const messageOf = (error: unknown): string => {
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  return `${(error as Error).message}${cause ? ` (${cause})` : ''}`;
};

/** The progress line on stderr. */
class ProgressLine {
  private last: string | undefined;

  constructor(private readonly sink: TextSink) {}

  draw(job: RematchJob): void {
    const line = renderProgressBar(job.progress ?? { done: 0, total: 0 }, job.status);
    if (line === this.last) return;
    this.sink.write(this.sink.isTTY ? `\r\x1b[2K${line}` : `${line}\n`);
    this.last = line;
  }

  /** Leaves the cursor on a fresh line before anything else is written. */
  end(): void {
    if (this.sink.isTTY && this.last !== undefined) this.sink.write('\n');
    this.last = undefined;
  }
}

/**
 * Requests a rematch, polls the job every 500 ms until it is completed, failed or cancelled and prints it on stdout.
 * Ctrl-C asks the service to cancel the job. Resolves to the exit code.
 */
export const runRematch = async (request: RematchRequest, io: RematchRunIo): Promise<number> => {
  const now = io.now ?? Date.now;
  let jobId: string;
  try {
    const accepted = await io.client.request(request);
    jobId = accepted.jobId;
    io.stderr.write(`rematch job ${jobId} ${accepted.status}\n`);
  } catch (error) {
    io.stderr.write(`rematch request failed: ${messageOf(error)}\n`);
    return EXIT_CODES.failed;
  }

  const progress = new ProgressLine(io.stderr);
  let failingSince: number | undefined;
  for (;;) {
    if (io.interrupted.aborted) {
      progress.end();
      return cancel(jobId, io);
    }
    try {
      const job = await io.client.job(jobId, io.interrupted);
      failingSince = undefined;
      progress.draw(job);
      if ((FINAL_STATUSES as readonly string[]).includes(job.status)) {
        progress.end();
        io.stdout.write(`${JSON.stringify(job, null, 2)}\n`);
        if (job.status !== 'completed') io.stderr.write(`rematch job ${jobId} ${job.status}\n`);
        return job.status === 'completed' ? EXIT_CODES.completed : EXIT_CODES.failed;
      }
    } catch (error) {
      if (io.interrupted.aborted) continue;
      const answered = error instanceof RematchHttpError && error.status < 500;
      failingSince ??= now();
      if (answered || now() - failingSince >= MAX_UNREACHABLE_MS) {
        progress.end();
        io.stderr.write(`polling rematch job ${jobId} failed: ${messageOf(error)}\n`);
        return EXIT_CODES.failed;
      }
    }
    await io.sleep(POLL_INTERVAL_MS, io.interrupted);
  }
};

const cancel = async (jobId: string, io: RematchRunIo): Promise<number> => {
  io.stderr.write(`interrupted: cancelling rematch job ${jobId}\n`);
  try {
    const job = await io.client.cancel(jobId);
    io.stdout.write(`${JSON.stringify(job, null, 2)}\n`);
    io.stderr.write(`cancel requested; job ${jobId} is ${job.status}\n`);
  } catch (error) {
    io.stderr.write(`cancelling rematch job ${jobId} failed: ${messageOf(error)}\n`);
  }
  return EXIT_CODES.interrupted;
};
