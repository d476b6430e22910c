import { createKafka } from '#messaging';
import { DLQ_USAGE, parseDlqArgs } from './dlq-args.js';
import { EXIT, runDlq } from './dlq-run.js';

// `npm run dlq -- list|show|replay <topic> [--id <id>]... [--all] [--brokers …]`
const parsed = parseDlqArgs(process.argv.slice(2), process.env);
if (parsed.kind === 'help') {
  process.stdout.write(`${DLQ_USAGE}\n`);
} else if (parsed.kind === 'invalid') {
  process.stderr.write(`${parsed.problems.map((problem) => `error: ${problem}`).join('\n')}\n\n${DLQ_USAGE}\n`);
  process.exitCode = EXIT.usage;
} else {
  const kafka = createKafka('parkmatch-dlq-cli', [...parsed.options.brokers]);
  const write = (stream: NodeJS.WriteStream) => (text: string) => stream.write(`${text}\n`);
  process.exitCode = await runDlq(parsed.options, kafka, write(process.stdout), write(process.stderr)).catch(
    (error: unknown) => {
      process.stderr.write(`error: ${(error as Error).message}\n`);
      return EXIT.failed;
    },
  );
}
