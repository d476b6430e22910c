/** What a command-line tool's parser makes of its arguments; every problem is reported at once. */
export type ParsedArgs<TOptions> =
  | { readonly kind: 'run'; readonly options: TOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

/**
 * The options to run with. For `--help`, the usage on stdout; for invalid arguments, each problem and the usage on
 * stderr and `usageExitCode` as the process's exit code; undefined for both.
 */
export const optionsToRun = <TOptions>(
  parsed: ParsedArgs<TOptions>,
  usage: string,
  usageExitCode: number,
): TOptions | undefined => {
  switch (parsed.kind) {
    case 'help':
      process.stdout.write(`${usage}\n`);
      return undefined;
    case 'invalid':
      process.stderr.write(`${parsed.problems.map((problem) => `error: ${problem}`).join('\n')}\n\n${usage}\n`);
      process.exitCode = usageExitCode;
      return undefined;
    case 'run':
      return parsed.options;
  }
};

/** The command line read as flags: `--flag value`, `--flag=value`, switches without a value, and positionals. */
export interface ReadFlags<Flag extends string, Switch extends string> {
  readonly help: boolean;
  readonly values: Partial<Record<Flag, string>>;
  readonly switches: ReadonlySet<Switch>;
  readonly positionals: readonly string[];
  readonly problems: readonly string[];
}

/**
 * Reads `--flag value` or `--flag=value` for each of `flags`, `--switch` for each of `switches` and, where
 * `positionals` is true, other arguments as positionals. `--help`/`-h` anywhere asks for the usage.
 */
export const readFlags = <Flag extends string, Switch extends string = never>(
  argv: readonly string[],
  flags: readonly Flag[],
  { switches = [], positionals = false }: { switches?: readonly Switch[]; positionals?: boolean } = {},
): ReadFlags<Flag, Switch> => {
  const values: Partial<Record<Flag, string>> = {};
  const seenSwitches = new Set<Switch>();
  const rest: string[] = [];
  const problems: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--help' || arg === '-h')
      return { help: true, values, switches: seenSwitches, positionals: rest, problems };
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      if (positionals) rest.push(arg);
      else problems.push(`unexpected argument ${JSON.stringify(arg)}`);
      continue;
    }
    const [, name = '', inline] = match;
    if ((switches as readonly string[]).includes(name)) {
      if (inline !== undefined) problems.push(`--${name} takes no value`);
      seenSwitches.add(name as Switch);
      continue;
    }
    if (!(flags as readonly string[]).includes(name)) {
      problems.push(`unknown option --${name}`);
      continue;
    }
    const value = inline ?? argv[index + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      problems.push(`--${name} needs a value`);
      continue;
    }
    if (inline === undefined) index++;
    if (values[name as Flag] !== undefined) problems.push(`--${name} is given twice`);
    values[name as Flag] = value;
  }
  return { help: false, values, switches: seenSwitches, positionals: rest, problems };
};

/** An http(s) base URL without trailing slashes, or a problem naming the option. */
export const readBaseUrl = (option: string, value: string, problems: string[]): string => {
  const url = value.trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/i.test(url) || !URL.canParse(url)) {
    problems.push(`--${option} must be an http(s) URL, not ${JSON.stringify(url)}`);
  }
  return url;
};
