/** What a service depends on at boot, where it looked for it, and the variable that said where. */
export interface Dependency {
  /** `Postgres`, `Kafka`. */
  readonly name: string;
  /** `host:port`, never the credentials a URL may carry. */
  readonly address: string;
  /** The environment variable that set the address, so the reader knows what to fix. */
  readonly variable: string;
}

/** A boot step could not connect to a dependency; the message is the whole story, so it carries no stack. */
export class DependencyUnreachableError extends Error {
  constructor(
    readonly dependency: Dependency,
    readonly reason: string,
  ) {
    super(`cannot reach ${dependency.name} at ${dependency.address} (${dependency.variable}): ${reason}`);
    this.name = 'DependencyUnreachableError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

interface ErrorLike {
  readonly code?: unknown;
  readonly name?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly errors?: unknown;
}

/** SQLSTATE classes a connection attempt fails with: 28 (authentication), 3D000 (no such database), 57P03 (starting). */
const POSTGRES_CONNECT_STATES = /^(28[0-9A-Z]{3}|3D000|57P03)$/;
const KAFKA_CONNECT_ERRORS = new Set(['KafkaJSConnectionError', 'KafkaJSSASLAuthenticationError']);

/**
 * Why a connection attempt failed, when it did: a socket error code (`ECONNREFUSED`, `ENOTFOUND`, …), a Postgres
 * login refusal or a Kafka connection or authentication failure, found anywhere in the error's causes. Undefined
 * for any other error (a failing migration, say), which is not about reaching the dependency.
 */
export const connectionFailureReason = (error: unknown): string | undefined => {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  let fallback: string | undefined;
  while (queue.length > 0) {
    const current = queue.shift() as ErrorLike | null | undefined;
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, name, message } = current;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    if (typeof code === 'string' && POSTGRES_CONNECT_STATES.test(code)) return String(message);
    if (typeof name === 'string' && KAFKA_CONNECT_ERRORS.has(name)) fallback ??= String(message);
    queue.push(current.cause, (current as { originalError?: unknown }).originalError);
    if (Array.isArray(current.errors)) queue.push(...(current.errors as unknown[]));
  }
  return fallback;
};

/** Runs a boot step; a failure to connect becomes a DependencyUnreachableError naming the dependency and variable. */
export const reachDependency = async <T>(dependency: Dependency, step: () => Promise<T>): Promise<T> => {
  try {
    return await step();
  } catch (error) {
    const reason = connectionFailureReason(error);
    throw reason === undefined ? error : new DependencyUnreachableError(dependency, reason);
  }
};

/** Postgres as a dependency: host and port of DATABASE_URL, without its user or password. */
export const postgresDependency = (databaseUrl: string): Dependency => {
  const url = new URL(databaseUrl);
  return {
    name: 'Postgres',
    address: `${url.hostname || 'localhost'}:${url.port || '5432'}`,
    variable: 'DATABASE_URL',
  };
};
