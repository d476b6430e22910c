import { parseArgs } from 'node:util';
import type { ParsedArgs } from '../cli/parsed-args.js';

export const DLQ_USAGE = `Usage: npm run dlq -- list|show|replay <topic> [--id <id>]... [--all] [--brokers <host:port,...>]

Reads a dead-letter topic (<topic>.dlq; either name works) with the dlq-* headers the services write.

  list     one line per dead letter: its id (<partition>:<offset>), when, the event id, the consumer and the reason
  show     every header and the value of the dead letters --id names (all of them without --id)
  replay   sends the original record of each dead letter --id names (or --all) back to its original topic, through
           the consumer's normal path: an event already applied is skipped there, so replaying twice is harmless.
           A truncated dead letter (too large to park whole) cannot be replayed.

  --id       a dead letter's <partition>:<offset> or its event id; repeatable
  --all      with replay: every dead letter on the topic
  --brokers  the brokers (default $KAFKA_BROKERS or 127.0.0.1:9092)`;

export const DLQ_COMMANDS = ['list', 'show', 'replay'] as const;
export type DlqCommand = (typeof DLQ_COMMANDS)[number];

export interface DlqOptions {
  readonly command: DlqCommand;
  readonly topic: string;
  readonly ids: readonly string[];
  readonly all: boolean;
  readonly brokers: readonly string[];
}

export type ParsedDlqArgs = ParsedArgs<DlqOptions>;

const isCommand = (value: string | undefined): value is DlqCommand => DLQ_COMMANDS.some((command) => command === value);

/** Reads the command line; every problem is reported at once. */
export const parseDlqArgs = (argv: readonly string[], env: NodeJS.ProcessEnv = {}): ParsedDlqArgs => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        id: { type: 'string', multiple: true },
        all: { type: 'boolean' },
        brokers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { kind: 'invalid', problems: [(error as Error).message] };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, topic, ...extra] = positionals;
  const ids = values.id ?? [];
  const all = values.all ?? false;
  const problems: string[] = [];
  if (!isCommand(command))
    problems.push(`the command must be one of ${DLQ_COMMANDS.join(', ')}, not ${JSON.stringify(command ?? '')}`);
  if (!topic) problems.push('a topic is required, e.g. partner.company-profiles.v1');
  if (extra.length > 0) problems.push(`unexpected arguments: ${extra.join(' ')}`);
  if (command === 'replay' && ids.length === 0 && !all) problems.push('replay needs --id <id> or --all');
  if (command === 'replay' && ids.length > 0 && all) problems.push('replay takes --id or --all, not both');
  if (command !== 'replay' && all) problems.push('--all goes with replay only');
  if (command === 'list' && ids.length > 0) problems.push('--id goes with show or replay');
  const brokers = (values.brokers ?? env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) problems.push('--brokers needs at least one host:port');
  if (problems.length > 0 || !isCommand(command) || !topic) return { kind: 'invalid', problems };
  return { kind: 'run', options: { command, topic, ids, all, brokers } };
};
