import { readFile } from 'node:fs/promises';
import { optionsToRun } from '../cli/parsed-args.js';
import { IMPORT_USAGE, parseImportArgs } from './import-args.js';
import { ProfileApiClient } from './import-client.js';
import { fieldNamesOf, inferKind, parseCsvRows, parseJsonRows } from './import-file.js';
import { IMPORT_TARGETS } from './import-kinds.js';
import { runImport } from './import-run.js';

const EXIT = { ok: 0, rowsFailed: 1, usage: 2 } as const;

// `npm run import -- <file.csv|file.json> [--dry-run] [--kind companies|needs] [--url …] [--key …]`
const options = optionsToRun(parseImportArgs(process.argv.slice(2), process.env), IMPORT_USAGE, EXIT.usage);
if (options) {
  const fail = (message: string): never => {
    process.stderr.write(`error: ${message}\n`);
    process.exit(EXIT.usage);
  };
  const text = await readFile(options.file, 'utf8').catch((error: unknown) =>
    fail(`cannot read ${options.file}: ${(error as Error).message}`),
  );
  let kind = options.kind;
  if (kind === undefined) {
    const inferred = inferKind(fieldNamesOf(text, options.format));
    kind = inferred.kind ?? fail(inferred.problem);
  }
  const target = IMPORT_TARGETS[kind];
  let rows;
  try {
    rows = options.format === 'csv' ? parseCsvRows(text, target.columns) : parseJsonRows(text);
  } catch (error) {
    fail(`cannot parse ${options.file}: ${(error as Error).message}`);
  }
  const store = options.dryRun ? undefined : new ProfileApiClient(`${options.urls[kind]}${target.path}`, options.key);
  const summary = await runImport(rows ?? [], target, { store, stdout: process.stdout });
  // Idle keep-alive sockets would hold the process for seconds after the answer.
  process.exit(summary.failed > 0 ? EXIT.rowsFailed : EXIT.ok);
}
