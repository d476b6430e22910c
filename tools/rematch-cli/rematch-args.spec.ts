import { describe, expect, it } from '@jest/globals';
import { DEFAULT_API_KEY, DEFAULT_MATCHING_URL, parseRematchArgs } from './rematch-args.js';

const NEED_ID = '2f1c6f4e-8a53-4c1e-9a55-2b8f6f0d4e11';

describe('parseRematchArgs', () => {
  it('reads a full rematch with the defaults for url and key', () => {
    expect(parseRematchArgs(['--scope', 'all'])).toEqual({
      kind: 'run',
      options: { request: { scope: 'all' }, url: DEFAULT_MATCHING_URL, key: DEFAULT_API_KEY },
    });
  });

  it('reads every option, in either --flag value or --flag=value form', () => {
    const parsed = parseRematchArgs([
      '--scope=need',
      '--id',
      NEED_ID,
      '--reason',
      'vocabulary 2025.11 shipped',
      '--url=http://matching.internal:3003/',
      '--key',
      'pmk_secret',
    ]);
    expect(parsed).toEqual({
      kind: 'run',
      options: {
        request: { scope: 'need', id: NEED_ID, reason: 'vocabulary 2025.11 shipped' },
        url: 'http://matching.internal:3003',
        key: 'pmk_secret',
      },
    });
  });

  it('takes url and key from the environment when not given', () => {
    const parsed = parseRematchArgs(['--scope', 'company', '--id', NEED_ID], {
      MATCHING_URL: 'https://matching.example.org',
      PARKMATCH_API_KEY: 'pmk_from_env',
    });
    expect(parsed).toMatchObject({
      kind: 'run',
      options: { url: 'https://matching.example.org', key: 'pmk_from_env' },
    });
  });

  it('asks for help', () => {
    expect(parseRematchArgs(['--scope', 'all', '--help'])).toEqual({ kind: 'help' });
    expect(parseRematchArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], '--scope is required (all, need, company)'],
    [['--scope', 'everything'], '--scope must be one of all, need, company, not "everything"'],
    [['--scope', 'need'], '--scope need needs --id'],
    [['--scope', 'all', '--id', NEED_ID], '--id is not used with --scope all'],
    [['--scope', 'company', '--id', 'acme'], '--id must be a UUID, not "acme"'],
    [['--scope', 'all', '--reason', 'x'.repeat(501)], '--reason is longer than 500 characters'],
    [['--scope', 'all', '--url', 'matching:3003'], '--url must be an http(s) URL, not "matching:3003"'],
    [['--scope', 'all', '--key', ''], '--key must not be empty'],
    [['--scope', 'all', '--force'], 'unknown option --force'],
    [['--scope', 'all', 'now'], 'unexpected argument "now"'],
    [['--scope'], '--scope needs a value'],
    [['--scope', 'all', '--scope', 'need'], '--scope is given twice'],
  ])('rejects %j: %s', (argv, problem) => {
    const parsed = parseRematchArgs(argv);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.problems).toContain(problem);
  });

  it('reports every problem at once', () => {
    const parsed = parseRematchArgs(['--scope', 'need', '--url', 'nope', '--verbose']);
    expect(parsed.kind === 'invalid' && parsed.problems).toEqual([
      'unknown option --verbose',
      '--scope need needs --id',
      '--url must be an http(s) URL, not "nope"',
    ]);
  });

  it('does not take the next option as a value', () => {
    const parsed = parseRematchArgs(['--scope', 'need', '--id', '--reason', 'why']);
    expect(parsed.kind === 'invalid' && parsed.problems).toContain('--id needs a value');
  });
});
