import { setTimeout as sleep } from 'node:timers/promises';
import { optionsToRun } from '../cli/parsed-args.js';
import { parseRematchArgs, REMATCH_USAGE } from './rematch-args.js';
import { RematchClient } from './rematch-client.js';
import { EXIT_CODES, runRematch } from './rematch-run.js';

// `npm run rematch -- --scope all|need|company [--id <uuid>] [--reason "..."] [--url …] [--key …]`
const options = optionsToRun(parseRematchArgs(process.argv.slice(2), process.env), REMATCH_USAGE, EXIT_CODES.usage);
if (options) {
  const interrupt = new AbortController();
  // The first Ctrl-C cancels the job; a second one leaves at once.
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(EXIT_CODES.interrupted);
    interrupt.abort();
  });
  const { request, url, key } = options;
  const code = await runRematch(request, {
    client: new RematchClient(url, key),
    stdout: process.stdout,
    stderr: process.stderr,
    sleep: (ms, signal) => sleep(ms, undefined, { signal }).catch(() => undefined),
    interrupted: interrupt.signal,
  });
  // Idle keep-alive sockets would hold the process for seconds after the answer.
  process.exit(code);
}
