import { setTimeout as sleep } from 'node:timers/promises';
import { parseRematchArgs, REMATCH_USAGE } from './rematch-args.js';
import { RematchClient } from './rematch-client.js';
import { EXIT_CODES, runRematch } from './rematch-run.js';

// `npm run rematch -- --scope all|need|company [--id <uuid>] [--reason "..."] [--url …] [--key …]`
const parsed = parseRematchArgs(process.argv.slice(2), process.env);
if (parsed.kind === 'help') {
  process.stdout.write(`${REMATCH_USAGE}\n`);
} else if (parsed.kind === 'invalid') {
  process.stderr.write(`${parsed.problems.map((problem) => `error: ${problem}`).join('\n')}\n\n${REMATCH_USAGE}\n`);
  process.exitCode = EXIT_CODES.usage;
} else {
  const interrupt = new AbortController();
  // The first Ctrl-C cancels the job; a second one leaves at once.
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(EXIT_CODES.interrupted);
    interrupt.abort();
  });
  const { request, url, key } = parsed.options;
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
