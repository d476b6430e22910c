import { describe, expect, it } from '@jest/globals';
import { formatRowReport, summarise, type RowReport } from './import-report.js';

const created: RowReport = {
  row: 2,
  label: 'Lakeside Organoids',
  outcome: 'created',
  id: '7c1e0d1a-3c1f-4d8e-9a55-2b8f6f0d4e11',
  terms: [
    {
      field: 'sectors',
      input: 'research tools',
      resolved: true,
      terms: [{ id: 'research-tools', label: 'Research tools' }],
    },
  ],
  problems: [],
};

const failed: RowReport = {
  row: 3,
  label: 'Taihu',
  outcome: 'failed',
  terms: [
    {
      field: 'capabilities',
      input: 'cell line dev',
      resolved: false,
      suggestions: [{ id: 'process-development', label: 'Process development' }],
    },
  ],
  problems: [{ field: 'country', message: 'country must be a valid ISO31661 Alpha2 code' }],
};

describe('formatRowReport', () => {
  it('shows the outcome, what each term resolved to and the record id', () => {
    expect(formatRowReport(created)).toBe(
      [
        'row 2 "Lakeside Organoids" created 7c1e0d1a-3c1f-4d8e-9a55-2b8f6f0d4e11',
        '  sectors: "research tools" → research-tools (Research tools)',
      ].join('\n'),
    );
  });

  it('shows unmapped terms with suggestions and problems by field', () => {
    expect(formatRowReport(failed)).toBe(
      [
        'row 3 "Taihu" failed',
        '  capabilities: "cell line dev" unmapped; did you mean process-development (Process development)?',
        '  ! country: country must be a valid ISO31661 Alpha2 code',
      ].join('\n'),
    );
  });
});

describe('summarise', () => {
  it('counts outcomes and unmapped terms', () => {
    expect(summarise([created, failed, { ...created, row: 4, outcome: 'unchanged' }], false)).toEqual({
      rows: 3,
      created: 1,
      updated: 0,
      unchanged: 1,
      failed: 1,
      unmappedTerms: 1,
      dryRun: false,
    });
  });
});
