import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';

interface CorrelationContext {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

/** The correlation id of the HTTP request or consumed event being handled, if any. */
export const currentCorrelationId = (): string | undefined => storage.getStore()?.correlationId;

/** Runs `work` with a correlation id that logs and enqueued events pick up. */
export const withCorrelationId = <T>(correlationId: string, work: () => T): T => storage.run({ correlationId }, work);

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's correlation id if it is a sane token (it ends up in logs and events), else a new one. */
export const correlationIdFrom = (header: string | string[] | undefined): string => {
  const value = Array.isArray(header) ? header[0] : header;
  return value && ACCEPTABLE.test(value) ? value : randomUUID();
};
