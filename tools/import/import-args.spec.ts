import { describe, expect, it } from '@jest/globals';
import { DEFAULT_API_KEY } from '../rematch-cli/rematch-args.js';
import { DEFAULT_COMPANIES_URL, DEFAULT_RD_NEEDS_URL, parseImportArgs } from './import-args.js';

describe('parseImportArgs', () => {
  it('reads a file with the defaults', () => {
    expect(parseImportArgs(['members.csv'])).toEqual({
      kind: 'run',
      options: {
        file: 'members.csv',
        format: 'csv',
        dryRun: false,
        urls: { companies: DEFAULT_COMPANIES_URL, needs: DEFAULT_RD_NEEDS_URL },
        key: DEFAULT_API_KEY,
      },
    });
  });

  it('reads --dry-run, --kind, --url and --key, the environment supplying defaults', () => {
    const parsed = parseImportArgs(['--dry-run', 'needs.json', '--kind=needs', '--key', 'pmk_x'], {
      RD_NEEDS_URL: 'http://needs.internal:3002/',
    });
    expect(parsed).toMatchObject({
      kind: 'run',
      options: { file: 'needs.json', format: 'json', dryRun: true, kind: 'needs', key: 'pmk_x' },
    });
    expect(parsed.kind === 'run' && parsed.options.urls.needs).toBe('http://needs.internal:3002');
  });

  it('reports every problem at once', () => {
    expect(
      parseImportArgs(['members.xlsx', 'more.csv', '--kind', 'people', '--dry-run=yes', '--url', 'ftp://x']),
    ).toEqual({
      kind: 'invalid',
      problems: [
        '--dry-run takes no value',
        'unexpected argument "more.csv"',
        'the file must end in .csv or .json, not "members.xlsx"',
        '--kind must be one of companies, needs, not "people"',
        '--url must be an http(s) URL, not "ftp://x"',
      ],
    });
    expect(parseImportArgs([])).toEqual({ kind: 'invalid', problems: ['the file to import is required'] });
  });

  it('answers --help', () => {
    expect(parseImportArgs(['members.csv', '--help'])).toEqual({ kind: 'help' });
  });
});
