import type { RefusedField } from './import-client.js';
import type { TermOutcome } from './import-terms.js';

export const ROW_OUTCOMES = ['created', 'updated', 'unchanged', 'valid', 'failed'] as const;
/** `valid`: a dry run found nothing wrong with the row. */
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** What became of one row of the file. */
export interface RowReport {
  readonly row: number;
  /** The record's name or title, to find the row by eye. */
  readonly label: string;
  readonly outcome: RowOutcome;
  readonly id?: string;
  readonly terms: readonly TermOutcome[];
  readonly problems: readonly RefusedField[];
}

/** The last line of the output. */
export interface ImportSummary {
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: number;
  /** Terms, over every row, that resolve to no vocabulary entry. */
  readonly unmappedTerms: number;
  readonly dryRun: boolean;
}

const named = ({ id, label }: { id: string; label: string }): string => (label === id ? id : `${id} (${label})`);

const suggestionText = (suggestions: readonly { id: string; label: string }[] | undefined): string =>
  suggestions && suggestions.length > 0 ? `; did you mean ${suggestions.map(named).join(', ')}?` : '';

/** One row as readable lines: its outcome, each term, each problem. */
export const formatRowReport = (report: RowReport): string => {
  const head = `row ${report.row} ${report.label ? `"${report.label}" ` : ''}${report.outcome}${report.id ? ` ${report.id}` : ''}`;
  const terms = report.terms.map((term) =>
    term.resolved
      ? `  ${term.field}: "${term.input}" → ${term.terms.map(named).join(', ')}`
      : `  ${term.field}: "${term.input}" unmapped${suggestionText(term.suggestions)}`,
  );
  const problems = report.problems.map(
    (problem) => `  ! ${problem.field}: ${problem.message}${suggestionText(problem.suggestions)}`,
  );
  return [head, ...terms, ...problems].join('\n');
};

export const summarise = (reports: readonly RowReport[], dryRun: boolean): ImportSummary => {
  const count = (outcome: RowOutcome): number => reports.filter((report) => report.outcome === outcome).length;
  return {
    rows: reports.length,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    unmappedTerms: reports.reduce((sum, report) => sum + report.terms.filter((term) => !term.resolved).length, 0),
    dryRun,
  };
};
