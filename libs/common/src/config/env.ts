/** Reads one environment variable with a default; boot-time config validation names every bad variable at once. */
export class ConfigError extends Error {}

export interface EnvSpec<T> {
  readonly name: string;
  readonly default?: T;
  readonly parse: (raw: string) => T | undefined;
  readonly expected: string;
}

export const intVar = (name: string, fallback?: number): EnvSpec<number> => ({
  name,
  default: fallback,
  expected: 'an integer',
  parse: (raw) => (/^\d+$/.test(raw) ? Number(raw) : undefined),
});

export const stringVar = (name: string, fallback?: string): EnvSpec<string> => ({
  name,
  default: fallback,
  expected: 'a non-empty string',
  parse: (raw) => (raw.trim() === '' ? undefined : raw.trim()),
});

export const listVar = (name: string, fallback?: string[]): EnvSpec<string[]> => ({
  name,
  default: fallback,
  expected: 'a comma-separated list',
  parse: (raw) => {
    const items = raw
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    return items.length > 0 ? items : undefined;
  },
});

type Values<S extends Record<string, EnvSpec<unknown>>> = { [K in keyof S]: S[K] extends EnvSpec<infer T> ? T : never };

/** Reads every spec, collecting all problems so one boot shows them all. */
export const readEnv = <S extends Record<string, EnvSpec<unknown>>>(
  specs: S,
  env: NodeJS.ProcessEnv = process.env,
): Values<S> => {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const raw = env[spec.name];
    if (raw === undefined || raw === '') {
      if (spec.default === undefined) problems.push(`${spec.name} is required (${spec.expected})`);
      values[key] = spec.default;
      continue;
    }
    const parsed = spec.parse(raw);
    if (parsed === undefined) problems.push(`${spec.name}=${JSON.stringify(raw)} is not ${spec.expected}`);
    values[key] = parsed;
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return values as Values<S>;
};
