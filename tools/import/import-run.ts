import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationProblems } from '#platform';
import type { ImportRow } from './import-file.js';
import type { ImportTarget } from './import-kinds.js';
import type { ProfileStore, RefusedField } from './import-client.js';
import { resolveRecordTerms } from './import-terms.js';
import { formatRowReport, summarise, type ImportSummary, type RowReport } from './import-report.js';

export interface ImportRunIo {
  /** Undefined for a dry run, which writes nothing. */
  readonly store: ProfileStore | undefined;
  readonly stdout: { write(text: string): unknown };
}

/** The contract's validation, as the service's validation pipe runs it before answering 400. */
const validationProblemsOf = (fields: Record<string, unknown>, target: ImportTarget): RefusedField[] =>
  validationProblems(
    validateSync(plainToInstance(target.fieldsClass, fields), { whitelist: true, forbidNonWhitelisted: true }),
  );

const importRow = async (row: ImportRow, target: ImportTarget, store: ProfileStore | undefined): Promise<RowReport> => {
  const fields = { ...target.defaults, ...row.fields };
  const { name, title } = fields;
  const label = typeof name === 'string' ? name : typeof title === 'string' ? title : '';
  const terms = resolveRecordTerms(fields, target.termFields);
  const problems = [...row.problems, ...validationProblemsOf(fields, target)];
  const base = { row: row.row, label, terms };
  // The API resolves terms strictly: a term no vocabulary knows is refused, so the row is not sent.
  if (problems.length > 0 || terms.some((term) => !term.resolved)) return { ...base, outcome: 'failed', problems };
  if (!store) return { ...base, outcome: 'valid', problems: [] };

  const ref = fields.externalRef as { source: string; id: string } | undefined;
  const existing = ref ? await store.findByExternalRef(ref.source, ref.id) : undefined;
  const written = existing ? await store.replace(existing.id, fields) : await store.create(fields);
  if (!written.ok) {
    const refused = written.fields.length > 0 ? written.fields : [{ field: '(row)', message: written.message }];
    return { ...base, outcome: 'failed', problems: refused };
  }
  // A replace that changes nothing keeps the version (and publishes nothing).
  const outcome = !existing ? 'created' : written.version === existing.version ? 'unchanged' : 'updated';
  return { ...base, outcome, id: written.id, problems: [] };
};

/**
 * Imports the rows one at a time, each reported as it finishes; a failed row does not stop the others. Returns the
 * summary, printed as the last line.
 */
export const runImport = async (
  rows: readonly ImportRow[],
  target: ImportTarget,
  io: ImportRunIo,
): Promise<ImportSummary> => {
  const reports: RowReport[] = [];
  for (const row of rows) {
    const report = await importRow(row, target, io.store);
    reports.push(report);
    io.stdout.write(`${formatRowReport(report)}\n`);
  }
  const summary = summarise(reports, io.store === undefined);
  io.stdout.write(`${JSON.stringify(summary)}\n`);
  return summary;
};
