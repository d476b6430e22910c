import { readBaseUrl, readFlags, type ParsedArgs } from '../cli/parsed-args.js';
import { DEFAULT_API_KEY } from '../rematch-cli/rematch-args.js';
import { formatOf, IMPORT_KINDS, LIST_SEPARATOR, type ImportKind } from './import-file.js';

export const DEFAULT_COMPANIES_URL = 'http://127.0.0.1:3001';
export const DEFAULT_RD_NEEDS_URL = 'http://127.0.0.1:3002';

export const IMPORT_USAGE = `Usage: npm run import -- <file.csv|file.json> [--dry-run] [--kind companies|needs] [--url <service url>] [--key <api key>]

Loads organisations or R&D needs from a spreadsheet export (CSV with a header row of field names; list fields hold
values separated by "${LIST_SEPARATOR}", booleans true/false) or a JSON array of profile objects, through the REST API.
Rows with externalSource and externalId columns are matched to what an earlier import created and replaced, never
duplicated. Prints a report per row (resolved terms, unmapped terms with suggestions, problems) and, last, one JSON
summary line. Exits 0 when every row imported (or would), 1 when a row failed, 2 on a usage error or an unreadable
file, 3 when the service could not be reached or refused the key (the rows not yet reported were not tried).

  --dry-run  resolve and validate every row locally; nothing is written and no service is needed
  --kind     companies or needs (default: from the columns, a name column ⇒ companies, a title column ⇒ needs)
  --url      the companies or rd-needs service (default $COMPANIES_URL or ${DEFAULT_COMPANIES_URL},
             $RD_NEEDS_URL or ${DEFAULT_RD_NEEDS_URL})
  --key      an admin API key (default $PARKMATCH_API_KEY or ${DEFAULT_API_KEY})`;

export interface ImportOptions {
  readonly file: string;
  readonly format: 'csv' | 'json';
  readonly dryRun: boolean;
  /** Undefined: inferred from the file's columns. */
  readonly kind?: ImportKind;
  /** The service of each kind, without a trailing slash. */
  readonly urls: Readonly<Record<ImportKind, string>>;
  readonly key: string;
}

const FLAGS = ['kind', 'url', 'key'] as const;

/** Reads the command line; the environment supplies the defaults of the service URLs and --key. */
export const parseImportArgs = (argv: readonly string[], env: NodeJS.ProcessEnv = {}): ParsedArgs<ImportOptions> => {
  const read = readFlags(argv, FLAGS, { switches: ['dry-run'], positionals: true });
  if (read.help) return { kind: 'help' };
  const { values, positionals } = read;
  const problems = [...read.problems];

  const [file, ...extra] = positionals;
  if (file === undefined) problems.push('the file to import is required');
  for (const arg of extra) problems.push(`unexpected argument ${JSON.stringify(arg)}`);
  const format = file === undefined ? undefined : formatOf(file);
  if (file !== undefined && format === undefined) {
    problems.push(`the file must end in .csv or .json, not ${JSON.stringify(file)}`);
  }
  const kind = values.kind as ImportKind | undefined;
  if (kind !== undefined && !IMPORT_KINDS.includes(kind)) {
    problems.push(`--kind must be one of ${IMPORT_KINDS.join(', ')}, not ${JSON.stringify(kind)}`);
  }
  const urls = {
    companies: readBaseUrl('url', values.url ?? env.COMPANIES_URL ?? DEFAULT_COMPANIES_URL, problems),
    needs: readBaseUrl('url', values.url ?? env.RD_NEEDS_URL ?? DEFAULT_RD_NEEDS_URL, problems),
  };
  const key = (values.key ?? env.PARKMATCH_API_KEY ?? DEFAULT_API_KEY).trim();
  if (key === '') problems.push('--key must not be empty');

  if (problems.length > 0 || file === undefined || format === undefined) {
    return { kind: 'invalid', problems: [...new Set(problems)] };
  }
  return {
    kind: 'run',
    options: { file, format, dryRun: read.switches.has('dry-run'), ...(kind ? { kind } : {}), urls, key },
  };
};
