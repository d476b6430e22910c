/** Reads one environment variable with a default; boot-time config validation names every bad variable at once. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    // Printed as is when a service refuses to boot: the message is the whole story, a stack would only hide it.
    this.stack = `${this.name}: ${this.message}`;
  }
}

export interface EnvSpec<T> {
  readonly name: string;
  readonly default?: T;
  readonly parse: (raw: string) => T | undefined;
  readonly expected: string;
  /** Unset is fine and reads as undefined. */
  readonly optional?: boolean;
}

export const optional = <T>(spec: EnvSpec<T>): EnvSpec<T | undefined> => ({ ...spec, optional: true });

export const intVar = (name: string, fallback?: number): EnvSpec<number> => ({
  name,
  default: fallback,
  expected: 'an integer',
  parse: (raw) => (/^\d+$/.test(raw) ? Number(raw) : undefined),
});

export const positiveIntVar = (name: string, fallback?: number): EnvSpec<number> => ({
  name,
  default: fallback,
  expected: 'a positive integer',
  parse: (raw) => (/^[1-9]\d*$/.test(raw.trim()) ? Number(raw.trim()) : undefined),
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

const BOOLEANS: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };

export const boolVar = (name: string, fallback?: boolean): EnvSpec<boolean> => ({
  name,
  default: fallback,
  expected: 'true or false',
  parse: (raw) => BOOLEANS[raw.trim().toLowerCase()],
});

export const enumVar = <T extends string>(name: string, values: readonly T[], fallback?: T): EnvSpec<T> => ({
  name,
  default: fallback,
  expected: `one of ${values.join(', ')}`,
  parse: (raw) => values.find((value) => value === raw.trim().toLowerCase()),
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
      if (spec.default === undefined && !spec.optional) problems.push(`${spec.name} is required (${spec.expected})`);
      values[key] = spec.default;
      continue;
    }
    const parsed = spec.parse(raw);
    if (parsed === undefined) problems.push(`${spec.name}=${JSON.stringify(raw)} is not ${spec.expected}`);
    values[key] = parsed;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as Values<S>;
};

/** Runs several readers and throws one ConfigError naming the problems of all of them. */
export const collectConfig = <T>(read: (attempt: <R>(reader: () => R) => R | undefined) => T): T => {
  const problems: string[] = [];
  const result = read((reader) => {
    try {
      return reader();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return result;
};
