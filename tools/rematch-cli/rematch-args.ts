import type { RematchScope } from '#contracts';
import { readBaseUrl, readFlags, type ParsedArgs } from '../cli/parsed-args.js';

// A copy of the contract's list: importing #contracts at run time would load its validation decorators into the CLI.
// `satisfies` and the check below stop the build if the two lists ever differ.
export const REMATCH_SCOPES = ['all', 'need', 'company'] as const satisfies readonly RematchScope[];
const _everyScopeListed: RematchScope extends (typeof REMATCH_SCOPES)[number] ? true : never = true;

export const DEFAULT_MATCHING_URL = 'http://127.0.0.1:3003';
export const DEFAULT_API_KEY = 'dev-admin-key';
const MAX_REASON_LENGTH = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const REMATCH_USAGE = `Usage: npm run rematch -- --scope all|need|company [--id <uuid>] [--reason "..."] [--url <matching url>] [--key <api key>]

Asks the matching service to rescore shortlists (POST /admin/rematch), shows the job's progress on stderr and prints
the finished job as JSON on stdout. Exits 0 when the job completed, 1 when it failed or was cancelled, 2 on a usage
error and 130 after Ctrl-C (which cancels the job).

  --scope   all (every open need), need or company
  --id      the need's or company's id; required for --scope need|company
  --reason  why, kept with the job (at most ${MAX_REASON_LENGTH} characters)
  --url     the matching service (default $MATCHING_URL or ${DEFAULT_MATCHING_URL})
  --key     an admin API key (default $PARKMATCH_API_KEY or ${DEFAULT_API_KEY})`;

export interface RematchRequest {
  readonly scope: RematchScope;
  readonly id?: string;
  readonly reason?: string;
}

export interface RematchOptions {
  readonly request: RematchRequest;
  /** Without a trailing slash. */
  readonly url: string;
  readonly key: string;
}

export type ParsedRematchArgs = ParsedArgs<RematchOptions>;

const FLAGS = ['scope', 'id', 'reason', 'url', 'key'] as const;

/**
 * Reads the command line (`--flag value` or `--flag=value`); the environment supplies the defaults of --url and --key.
 * Every problem is reported at once.
 */
export const parseRematchArgs = (argv: readonly string[], env: NodeJS.ProcessEnv = {}): ParsedRematchArgs => {
  const { help, values, problems: read } = readFlags(argv, FLAGS);
  if (help) return { kind: 'help' };
  const problems = [...read];

  const scope = values.scope as RematchScope | undefined;
  if (scope === undefined) problems.push(`--scope is required (${REMATCH_SCOPES.join(', ')})`);
  else if (!REMATCH_SCOPES.includes(scope)) {
    problems.push(`--scope must be one of ${REMATCH_SCOPES.join(', ')}, not ${JSON.stringify(scope)}`);
  }
  const id = values.id?.trim();
  if (scope === 'all' && id !== undefined) problems.push('--id is not used with --scope all');
  if ((scope === 'need' || scope === 'company') && id === undefined) problems.push(`--scope ${scope} needs --id`);
  if (id !== undefined && !UUID.test(id)) problems.push(`--id must be a UUID, not ${JSON.stringify(id)}`);
  const reason = values.reason?.trim();
  if (reason !== undefined && reason.length > MAX_REASON_LENGTH) {
    problems.push(`--reason is longer than ${MAX_REASON_LENGTH} characters`);
  }
  const url = readBaseUrl('url', values.url ?? env.MATCHING_URL ?? DEFAULT_MATCHING_URL, problems);
  const key = (values.key ?? env.PARKMATCH_API_KEY ?? DEFAULT_API_KEY).trim();
  if (key === '') problems.push('--key must not be empty');

  if (problems.length > 0 || scope === undefined) return { kind: 'invalid', problems };
  return {
    kind: 'run',
    options: {
      request: { scope, ...(id !== undefined ? { id } : {}), ...(reason ? { reason } : {}) },
      url,
      key,
    },
  };
};
