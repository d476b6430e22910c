import { describe, expect, it } from '@jest/globals';
import { RematchHttpError, type RematchJob } from './rematch-client.js';
import { EXIT_CODES, MAX_UNREACHABLE_MS, POLL_INTERVAL_MS, runRematch, type RematchRunIo } from './rematch-run.js';

const JOB_ID = '7d0b3c2a-1f4e-4a6b-9c8d-5e2f1a0b3c4d';

const job = (status: string, done: number, total: number): RematchJob => ({
  id: JOB_ID,
  scope: 'all',
  status,
  progress: { done, total },
  shortlistsChanged: done,
});

class Sink {
  text = '';
  constructor(readonly isTTY = false) {}
  write(text: string): boolean {
    this.text += text;
    return true;
  }
}

/** A fake service answering each poll with the next scripted job (or error), and a clock that sleeps instantly. */
const harness = (polls: (RematchJob | Error)[], options: { interruptAfterPolls?: number; tty?: boolean } = {}) => {
  const interrupt = new AbortController();
  const calls: string[] = [];
  const slept: number[] = [];
  let clock = 0;
  let pollCount = 0;
  const io: RematchRunIo = {
    client: {
      request: async (request) => {
        calls.push(`request ${JSON.stringify(request)}`);
        return { jobId: JOB_ID, status: 'queued' };
      },
      job: async (jobId) => {
        calls.push(`job ${jobId}`);
        pollCount++;
        if (pollCount === options.interruptAfterPolls) interrupt.abort();
        const next = polls.shift() ?? new Error('no more polls scripted');
        if (next instanceof Error) throw next;
        return next;
      },
      cancel: async (jobId) => {
        calls.push(`cancel ${jobId}`);
        return job('running', 3, 10);
      },
    },
    stdout: new Sink(),
    stderr: new Sink(options.tty),
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    interrupted: interrupt.signal,
    now: () => clock,
  };
  return { io, calls, slept, stdout: io.stdout as Sink, stderr: io.stderr as Sink };
};

describe('runRematch', () => {
  it('polls every 500 ms until the job completes, then prints it and exits 0', async () => {
    const { io, calls, slept, stdout, stderr } = harness([
      job('queued', 0, 0),
      job('running', 4, 10),
      job('running', 4, 10),
      job('completed', 10, 10),
    ]);

    const code = await runRematch({ scope: 'all', reason: 'new weights' }, io);

    expect(code).toBe(EXIT_CODES.completed);
    expect(calls).toEqual([
      'request {"scope":"all","reason":"new weights"}',
      `job ${JOB_ID}`,
      `job ${JOB_ID}`,
      `job ${JOB_ID}`,
      `job ${JOB_ID}`,
    ]);
    expect(slept).toEqual([POLL_INTERVAL_MS, POLL_INTERVAL_MS, POLL_INTERVAL_MS]);
    expect(JSON.parse(stdout.text)).toEqual(job('completed', 10, 10));
    // Off a terminal the bar is written once per change.
    expect(stderr.text.split('\n').filter((line) => line.startsWith('['))).toHaveLength(3);
    expect(stderr.text).toContain('10/10  completed');
  });

  it('redraws the bar in place on a terminal and ends it with a newline', async () => {
    const { io, stderr } = harness([job('running', 1, 2), job('completed', 2, 2)], { tty: true });
    await runRematch({ scope: 'all' }, io);
    expect(stderr.text).toMatch(/\r\x1b\[2K\[#+\.+\]\s+50%.*\r\x1b\[2K\[#+\] 100% {2}2\/2 {2}completed\n$/s);
  });

  it.each(['failed', 'cancelled'])('prints a %s job and exits 1', async (status) => {
    const { io, stdout } = harness([job('running', 1, 4), job(status, 2, 4)]);
    expect(await runRematch({ scope: 'all' }, io)).toBe(EXIT_CODES.failed);
    expect(JSON.parse(stdout.text)).toMatchObject({ status });
  });

  it('exits 1 and says why when the request is refused', async () => {
    const { io, stdout, stderr } = harness([]);
    io.client.request = async () => {
      throw new RematchHttpError(401, 'POST /admin/rematch: HTTP 401 AUTH.UNAUTHENTICATED (is --key a valid API key?)');
    };
    expect(await runRematch({ scope: 'all' }, io)).toBe(EXIT_CODES.failed);
    expect(stdout.text).toBe('');
    expect(stderr.text).toContain('rematch request failed: POST /admin/rematch: HTTP 401');
  });

  it('rides out a service that is briefly unreachable', async () => {
    const { io } = harness([
      job('running', 1, 2),
      new TypeError('fetch failed'),
      new TypeError('fetch failed'),
      job('completed', 2, 2),
    ]);
    expect(await runRematch({ scope: 'all' }, io)).toBe(EXIT_CODES.completed);
  });

  it('gives up once the service has been unreachable for too long', async () => {
    const failures = Array.from(
      { length: MAX_UNREACHABLE_MS / POLL_INTERVAL_MS + 2 },
      () => new TypeError('fetch failed'),
    );
    const { io, stderr } = harness(failures);
    expect(await runRematch({ scope: 'all' }, io)).toBe(EXIT_CODES.failed);
    expect(stderr.text).toContain('fetch failed');
  });

  it('stops at once on an answer such as 404', async () => {
    const { io, calls } = harness([new RematchHttpError(404, 'GET: HTTP 404 REMATCH_JOB.NOT_FOUND')]);
    expect(await runRematch({ scope: 'all' }, io)).toBe(EXIT_CODES.failed);
    expect(calls.filter((call) => call.startsWith('job'))).toHaveLength(1);
  });

  it('cancels the job on Ctrl-C, prints what the service answered and exits 130', async () => {
    const { io, calls, stdout, stderr } = harness([job('running', 1, 10), job('running', 2, 10)], {
      interruptAfterPolls: 2,
    });
    expect(await runRematch({ scope: 'all' }, io)).toBe(EXIT_CODES.interrupted);
    expect(calls.at(-1)).toBe(`cancel ${JOB_ID}`);
    expect(calls.filter((call) => call.startsWith('job'))).toHaveLength(2);
    expect(JSON.parse(stdout.text)).toMatchObject({ id: JOB_ID });
    expect(stderr.text).toContain(`interrupted: cancelling rematch job ${JOB_ID}`);
  });

  it('still exits 130 when the cancel request fails', async () => {
    const { io, stderr } = harness([job('running', 1, 10)], { interruptAfterPolls: 1 });
    io.client.cancel = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await runRematch({ scope: 'all' }, io)).toBe(EXIT_CODES.interrupted);
    expect(stderr.text).toContain('failed: fetch failed');
  });
});
