import { randomUUID } from 'node:crypto';
import { SCHEMA_VERSION, type EventEnvelope } from '#contracts';

export interface EnvelopeInput<TType extends string, TPayload> {
  readonly type: TType;
  readonly key: string;
  readonly payload: TPayload;
  readonly producer: string;
  readonly entityVersion?: number;
  readonly correlationId?: string;
  readonly causationId?: string | null;
}

export const createEnvelope = <TType extends string, TPayload>(
  input: EnvelopeInput<TType, TPayload>,
): EventEnvelope<TType, TPayload> => {
  const eventId = randomUUID();
  return {
    eventId,
    type: input.type,
    schemaVersion: SCHEMA_VERSION,
    occurredAt: new Date().toISOString(),
    producer: input.producer,
    correlationId: input.correlationId ?? eventId,
    causationId: input.causationId ?? null,
    key: input.key,
    ...(input.entityVersion === undefined ? {} : { entityVersion: input.entityVersion }),
    payload: input.payload,
  };
};
