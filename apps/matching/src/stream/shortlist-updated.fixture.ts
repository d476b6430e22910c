import { randomUUID } from 'node:crypto';

interface ShortlistUpdatedParts extends Record<string, unknown> {
  readonly occurredAt?: string;
  /** Merged into the shortlist change (an empty one computed when the event occurred). */
  readonly payload?: Record<string, unknown>;
}

/** A `ShortlistUpdated` envelope as matching publishes it on `matching.results.v1`; `parts` override its fields. */
export const aShortlistUpdated = (
  needId: string,
  { occurredAt = new Date().toISOString(), payload = {}, ...overrides }: ShortlistUpdatedParts = {},
) => ({
  eventId: randomUUID(),
  type: 'ShortlistUpdated',
  schemaVersion: 1,
  occurredAt,
  producer: 'matching',
  correlationId: randomUUID(),
  causationId: null,
  key: needId,
  payload: {
    needId,
    algorithmVersion: 'parkmatch-2025.11',
    computedAt: occurredAt,
    added: [],
    removed: [],
    moved: [],
    ...payload,
  },
  ...overrides,
});
