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

export const isTransientError = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
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
