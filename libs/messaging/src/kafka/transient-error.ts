/** Postgres SQLSTATE classes and socket codes that say "try again", not "this message is bad". */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

/**
 * TypeORM's errors for a connection that went away under a transaction (Postgres restarted, the socket dropped): the
 * query runner was released by the pool, so the attempt failed, not the message.
 */
const RELEASED_CONNECTION_ERRORS = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

export const isTransientError = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  if (RELEASED_CONNECTION_ERRORS.has(error.name)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08'))) return true;
  const driverError = (error as { driverError?: unknown }).driverError;
  if (driverError && driverError !== error && isTransientError(driverError)) return true;
  if ((error as { retriable?: unknown }).retriable === true) return true;
  // "is not currently accepting connections" (55000): the database refuses connections for now (ALLOW_CONNECTIONS
  // false during maintenance); waiting is right, parking every message consumed meanwhile is not.
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|Connection is not established|is not currently accepting connections/i.test(
    error.message,
  );
};

const sqlState = (error: unknown): string | undefined => {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  const driverError = (error as { driverError?: unknown }).driverError;
  return driverError && driverError !== error ? sqlState(driverError) : undefined;
};

/**
 * The SQLSTATE when Postgres refused the value itself: a data exception (class 22, e.g. invalid input, NUL in text,
 * out of range) or an integrity constraint violation (class 23, e.g. check, unique, not null). The same event fails
 * the same way every time.
 */
export const rejectedValueState = (error: unknown): string | undefined => {
  const state = sqlState(error);
  return state?.startsWith('22') || state?.startsWith('23') ? state : undefined;
};
