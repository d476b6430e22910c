import { readFile } from 'node:fs/promises';
import { optionsToRun } from '../cli/parsed-args.js';
import { IMPORT_USAGE, parseImportArgs } from './import-args.js';
import { ProfileApiClient } from './import-client.js';
import { fieldNamesOf, inferKind, parseCsvRows, parseJsonRows, type ImportRow } from './import-file.js';
import { IMPORT_TARGETS, type ImportTarget } from './import-kinds.js';
import { runImport } from './import-run.js';

const EXIT = { ok: 0, rowsFailed: 1, usage: 2, stopped: 3 } as const;

// `npm run import -- <file.csv|file.json> [--dry-run] [--kind companies|needs] [--url …] [--key …]`
const options = optionsToRun(parseImportArgs(process.argv.slice(2), process.env), IMPORT_USAGE, EXIT.usage);
if (options) {
  const fail = (message: string, code: number = EXIT.usage): never => {
    process.stderr.write(`error: ${message}\n`);
    process.exit(code);
  };
  const text = await readFile(options.file, 'utf8').catch((error: unknown) =>
    fail(`cannot read ${options.file}: ${(error as Error).message}`),
  );
  const { target, rows } = ((): { target: ImportTarget; rows: ImportRow[] } => {
    try {
      const inferred = options.kind ? { kind: options.kind } : inferKind(fieldNamesOf(text, options.format));
      const target = IMPORT_TARGETS[inferred.kind ?? fail(inferred.problem)];
      return {
        target,
        rows: options.format === 'csv' ? parseCsvRows(text, target.columns) : parseJsonRows(text),
      };
    } catch (error) {
      return fail(`cannot parse ${options.file}: ${(error as Error).message}`);
    }
  })();
  const url = options.urls[target.kind];
  const store = options.dryRun ? undefined : new ProfileApiClient(`${url}${target.path}`, options.key);
  const summary = await runImport(rows, target, { store, stdout: process.stdout }).catch((error: unknown) =>
    // Unreachable, failing or refusing the key: the rows after the one reported last were not tried.
    fail(`${(error as Error).message} (is the service at ${url} running, and --key an admin key?)`, EXIT.stopped),
  );
  // Idle keep-alive sockets would hold the process for seconds after the answer.
  process.exit(summary.failed > 0 ? EXIT.rowsFailed : EXIT.ok);
}
