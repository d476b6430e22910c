import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describeProblems, validationProblems } from '#platform';
import { EVENT_CATALOG, EventEnvelopeShape, type CatalogTopic, type EventEnvelope } from '#contracts';

export type DecodedEvent =
  { readonly ok: true; readonly envelope: EventEnvelope } | { readonly ok: false; readonly reason: string };

// Tolerant reader: unknown payload fields are stripped, not rejected, so producers can add optional fields.
const validate = (target: object): string =>
  describeProblems(validationProblems(validateSync(target, { whitelist: true })));

/**
 * Parses and validates one Kafka message value against the envelope and the payload class registered for
 * its topic and type. Everything a consumer may act on has passed through here.
 */
export const decodeEvent = (topic: CatalogTopic, value: Buffer | string | null | undefined): DecodedEvent => {
  if (value === null || value === undefined || value.length === 0) return { ok: false, reason: 'empty message value' };
  let raw: unknown;
  try {
    raw = JSON.parse(value.toString());
  } catch (error) {
    return { ok: false, reason: `unparseable JSON: ${(error as Error).message}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'message value is not a JSON object' };
  }
  const envelope = plainToInstance(EventEnvelopeShape, raw);
  const envelopeErrors = describeProblems(validationProblems(validateSync(envelope)));
  if (envelopeErrors) return { ok: false, reason: `invalid envelope: ${envelopeErrors}` };
  const types: Readonly<Record<string, new () => object>> = EVENT_CATALOG[topic];
  const payloadClass = Object.hasOwn(types, envelope.type) ? types[envelope.type] : undefined;
  if (!payloadClass) return { ok: false, reason: `unknown event type "${envelope.type}" on ${topic}` };
  const payload = plainToInstance(payloadClass, envelope.payload);
  const payloadErrors = validate(payload);
  if (payloadErrors) return { ok: false, reason: `invalid ${envelope.type} payload: ${payloadErrors}` };
  return { ok: true, envelope: { ...envelope, payload } };
};
