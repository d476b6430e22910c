import { createKafka } from '#messaging';
import { optionsToRun } from '../cli/parsed-args.js';
import { DLQ_USAGE, parseDlqArgs } from './dlq-args.js';
import { EXIT, runDlq } from './dlq-run.js';

// `npm run dlq -- list|show|replay <topic> [--id <id>]... [--all] [--brokers …]`
const options = optionsToRun(parseDlqArgs(process.argv.slice(2), process.env), DLQ_USAGE, EXIT.usage);
if (options) {
  const kafka = createKafka('parkmatch-dlq-cli', [...options.brokers]);
  const write = (stream: NodeJS.WriteStream) => (text: string) => stream.write(`${text}\n`);
  process.exitCode = await runDlq(options, kafka, write(process.stdout), write(process.stderr)).catch(
    (error: unknown) => {
      process.stderr.write(`error: ${(error as Error).message}\n`);
      return EXIT.failed;
    },
  );
}
