import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describeProblems, validationProblems } from '#platform';
import { EVENT_CATALOG, EventEnvelopeShape, SCHEMA_VERSION, type CatalogTopic, type EventEnvelope } from '#contracts';
import { parseUntrustedJson } from './safe-json.js';

/** The largest value decoded, the broker's default `message.max.bytes`; a bigger one is refused before parsing. */
export const MAX_EVENT_BYTES = 1_048_588;

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
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  if (bytes.length > MAX_EVENT_BYTES) {
    return { ok: false, reason: `message value of ${bytes.length} bytes (at most ${MAX_EVENT_BYTES})` };
  }
  const parsed = parseUntrustedJson(bytes);
  if (!parsed.ok) return parsed;
  const raw = parsed.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'message value is not a JSON object' };
  }
  const envelope = plainToInstance(EventEnvelopeShape, raw);
  const envelopeErrors = describeProblems(validationProblems(validateSync(envelope)));
  if (envelopeErrors) return { ok: false, reason: `invalid envelope: ${envelopeErrors}` };
  // A later schema version may change what fields mean; reading it as this one would apply it wrongly.
  if (envelope.schemaVersion !== SCHEMA_VERSION) {
    return {
      ok: false,
      reason: `unsupported schemaVersion ${envelope.schemaVersion} (this consumer reads ${SCHEMA_VERSION})`,
    };
  }
  const types: Readonly<Record<string, new () => object>> = EVENT_CATALOG[topic];
  const payloadClass = Object.hasOwn(types, envelope.type) ? types[envelope.type] : undefined;
  if (!payloadClass) return { ok: false, reason: `unknown event type "${envelope.type}" on ${topic}` };
  const payload = plainToInstance(payloadClass, envelope.payload);
  const payloadErrors = validate(payload);
  if (payloadErrors) return { ok: false, reason: `invalid ${envelope.type} payload: ${payloadErrors}` };
  return { ok: true, envelope: { ...envelope, payload } };
};
