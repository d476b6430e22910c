import { describe, expect, it } from '@jest/globals';
import {
  csvRecordToFields,
  fieldNamesOf,
  formatOf,
  inferKind,
  parseCsvRows,
  parseJsonRows,
  splitList,
  type ColumnKinds,
} from './import-file.js';

const COLUMNS: ColumnKinds = { json: ['assets'], lists: ['sectors', 'targets', 'assets'], booleans: ['chinaPresence'] };

describe('splitList', () => {
  it('splits on ";", trims and drops empty values', () => {
    expect(splitList(' oncology ; EGFR-mutant NSCLC;;  ')).toEqual(['oncology', 'EGFR-mutant NSCLC']);
    expect(splitList('')).toEqual([]);
  });
});

describe('csvRecordToFields', () => {
  it('reads lists, booleans, JSON and text, and leaves empty text cells out', () => {
    const { fields, problems } = csvRecordToFields(
      {
        name: ' Lakeside ',
        sectors: 'services; research-tools',
        targets: '',
        chinaPresence: 'TRUE',
        assets: '[{"name":"LK-1"}]',
        website: '',
      },
      COLUMNS,
    );
    expect(problems).toEqual([]);
    expect(fields).toEqual({
      name: 'Lakeside',
      sectors: ['services', 'research-tools'],
      targets: [],
      chinaPresence: true,
      assets: [{ name: 'LK-1' }],
    });
  });

  it('makes externalSource and externalId one externalRef', () => {
    expect(csvRecordToFields({ name: 'A', externalSource: 'park', externalId: 'm-1' }, COLUMNS).fields).toEqual({
      name: 'A',
      externalRef: { source: 'park', id: 'm-1' },
    });
  });

  it('names the field of a cell it cannot read', () => {
    const { problems } = csvRecordToFields(
      { chinaPresence: 'yes', assets: '[{', externalSource: 'park', externalId: '' },
      COLUMNS,
    );
    expect(problems.map((problem) => problem.field)).toEqual(['chinaPresence', 'assets', 'externalRef']);
  });
});

describe('parseCsvRows', () => {
  it('numbers rows by their line and keeps quoted commas and line breaks', () => {
    const rows = parseCsvRows('name,description,sectors\nA,"one, two",services\nB,"multi\nline",\n', COLUMNS);
    expect(rows.map(({ row, fields }) => ({ row, fields }))).toEqual([
      { row: 2, fields: { name: 'A', description: 'one, two', sectors: ['services'] } },
      { row: 4, fields: { name: 'B', description: 'multi\nline', sectors: [] } },
    ]);
  });
});

describe('parseJsonRows', () => {
  it('takes an array of profile objects and flags elements that are not objects', () => {
    const rows = parseJsonRows('[{"title":"T"}, 3]');
    expect(rows[0]).toEqual({ row: 1, fields: { title: 'T' }, problems: [] });
    expect(rows[1]?.problems).toEqual([{ field: '(row)', message: 'is not an object' }]);
  });

  it('refuses a file that is not an array', () => {
    expect(() => parseJsonRows('{"title":"T"}')).toThrow('array');
  });
});

describe('inferKind', () => {
  it('reads needs from a title column and companies from a name column', () => {
    expect(inferKind(fieldNamesOf('title,owner\nT,O\n', 'csv'))).toEqual({ kind: 'needs' });
    expect(inferKind(fieldNamesOf('[{"name":"N"}]', 'json'))).toEqual({ kind: 'companies' });
  });

  it('asks for --kind when both or neither column is there', () => {
    expect(inferKind(['name', 'title'])).toEqual({ problem: expect.stringContaining('--kind') });
    expect(inferKind(['owner'])).toEqual({ problem: expect.stringContaining('--kind') });
  });
});

describe('formatOf', () => {
  it('reads the extension, in any case', () => {
    expect(formatOf('members.CSV')).toBe('csv');
    expect(formatOf('needs.json')).toBe('json');
    expect(formatOf('members.xlsx')).toBeUndefined();
  });
});
