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
