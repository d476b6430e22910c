import { parse } from 'csv-parse/sync';
import type { VocabularyName } from '#engine';

export const IMPORT_KINDS = ['companies', 'needs'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Which vocabulary each term field resolves against; a list of records names its own fields. */
export type TermFieldMap = Readonly<Record<string, VocabularyName | { readonly each: TermFieldMap }>>;

/** How the cells of a field are read; any other field is text. */
export interface ColumnKinds {
  /** A JSON value in the cell (an array of records, an object). */
  readonly json: readonly string[];
  /** `;`-separated terms. */
  readonly lists: readonly string[];
  /** `true` or `false`. */
  readonly booleans: readonly string[];
}

/** The separator of the values of a list field in one CSV cell. */
export const LIST_SEPARATOR = ';';

/** One record of the file: its line (CSV) or position (JSON), its fields, or what is wrong with its cells. */
export interface ImportRow {
  /** 1-based: the CSV line (the header is line 1) or the element of the JSON array. */
  readonly row: number;
  readonly fields: Record<string, unknown>;
  readonly problems: readonly { readonly field: string; readonly message: string }[];
}

/** Which file format a path names, by its extension. */
export const formatOf = (file: string): 'csv' | 'json' | undefined => {
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return extension === 'csv' || extension === 'json' ? extension : undefined;
};

/** The values of a list cell, trimmed, empty ones dropped: `a; b;;c` → `[a, b, c]`. */
export const splitList = (cell: string): string[] =>
  cell
    .split(LIST_SEPARATOR)
    .map((value) => value.trim())
    .filter((value) => value !== '');

type Cell = { ok: true; value: unknown } | { ok: false; message: string };

const readCell = (field: string, cell: string, columns: ColumnKinds): Cell => {
  if (columns.lists.includes(field) && !columns.json.includes(field)) return { ok: true, value: splitList(cell) };
  if (columns.booleans.includes(field)) {
    const lower = cell.toLowerCase();
    if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' };
    return { ok: false, message: `must be true or false, not ${JSON.stringify(cell)}` };
  }
  if (columns.json.includes(field)) {
    try {
      return { ok: true, value: JSON.parse(cell) as unknown };
    } catch {
      return { ok: false, message: 'must be JSON' };
    }
  }
  return { ok: true, value: cell };
};

/**
 * One CSV record as profile fields: columns are field names, an empty list cell is an empty list, other empty cells
 * are left out (so defaults apply), and `externalSource` with `externalId` become `externalRef`.
 */
export const csvRecordToFields = (
  record: Readonly<Record<string, string>>,
  columns: ColumnKinds,
): Pick<ImportRow, 'fields' | 'problems'> => {
  const fields: Record<string, unknown> = {};
  const problems: { field: string; message: string }[] = [];
  for (const [field, raw] of Object.entries(record)) {
    const cell = raw.trim();
    if (field === 'externalSource' || field === 'externalId') continue;
    if (cell === '' && !columns.lists.includes(field)) continue;
    const read = readCell(field, cell, columns);
    if (read.ok) fields[field] = read.value;
    else problems.push({ field, message: read.message });
  }
  const source = record.externalSource?.trim();
  const id = record.externalId?.trim();
  if (source && id) fields.externalRef = { source, id };
  else if (source || id) problems.push({ field: 'externalRef', message: 'needs both externalSource and externalId' });
  return { fields, problems };
};

/** The records of a CSV file (a header row of field names, then one record per row). */
export const parseCsvRows = (text: string, columns: ColumnKinds): ImportRow[] => {
  const records = parse<{ record: Record<string, string>; info: { lines: number } }>(text, {
    columns: (header: string[]) => header.map((name) => name.trim()),
    skip_empty_lines: true,
    bom: true,
    info: true,
  });
  return records.map(({ record, info }) => ({ row: info.lines, ...csvRecordToFields(record, columns) }));
};

/** The records of a JSON file: an array of profile objects, as the REST API takes them. */
export const parseJsonRows = (text: string): ImportRow[] => {
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed)) throw new Error('a JSON import file holds an array of profile objects');
  return parsed.map((element: unknown, index) =>
    typeof element === 'object' && element !== null && !Array.isArray(element)
      ? { row: index + 1, fields: { ...(element as Record<string, unknown>) }, problems: [] }
      : { row: index + 1, fields: {}, problems: [{ field: '(row)', message: 'is not an object' }] },
  );
};

/** The field names a file uses: the CSV header or every JSON object's keys. */
export const fieldNamesOf = (text: string, format: 'csv' | 'json'): string[] => {
  if (format === 'json') {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed)) return [];
    return [...new Set(parsed.flatMap((element: unknown) => Object.keys(element ?? {})))];
  }
  const [header = []]: string[][] = parse(text, { to_line: 1, bom: true });
  return header.map((name) => name.trim());
};

/** The kind of profile the file holds, from its field names (`title` ⇒ needs, `name` ⇒ companies), or why not. */
export const inferKind = (
  fieldNames: readonly string[],
): { readonly kind: ImportKind } | { readonly kind?: never; readonly problem: string } => {
  const needs = fieldNames.includes('title');
  const companies = fieldNames.includes('name');
  if (needs && !companies) return { kind: 'needs' };
  if (companies && !needs) return { kind: 'companies' };
  const problem = needs
    ? 'the file has both `name` and `title` columns: say which with --kind companies|needs'
    : 'the file has neither a `name` (companies) nor a `title` (needs) column: say which with --kind';
  return { problem };
};
