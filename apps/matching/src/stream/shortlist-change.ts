import { TOPICS, type ShortlistUpdatedV1 } from '#contracts';
import { decodeEvent } from '#messaging';

/** One shortlist change as dashboards receive it: the `ShortlistUpdated` payload and the id of its event. */
export interface ShortlistChange extends Pick<
  ShortlistUpdatedV1,
  'needId' | 'algorithmVersion' | 'computedAt' | 'added' | 'removed' | 'moved'
> {
  readonly eventId: string;
}

export type DecodedShortlistChange =
  | { readonly kind: 'change'; readonly change: ShortlistChange }
  /** A valid event of another type on the topic (a decision, say): not a shortlist change, and not a fault either. */
  | { readonly kind: 'other'; readonly type: string }
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Reads one `matching.results.v1` message value. Only a valid `ShortlistUpdated` envelope becomes a change; the
 * payload is copied field by field so nothing but the contract's fields ever reaches a dashboard.
 */
export const toShortlistChange = (value: Buffer | string | null | undefined): DecodedShortlistChange => {
  const decoded = decodeEvent(TOPICS.matchingResults, value);
  if (!decoded.ok) return { kind: 'invalid', reason: decoded.reason };
  const { eventId, type, payload } = decoded.envelope;
  if (type !== 'ShortlistUpdated') return { kind: 'other', type };
  const { needId, algorithmVersion, computedAt, added, removed, moved } = payload as ShortlistUpdatedV1;
  return { kind: 'change', change: { needId, algorithmVersion, computedAt, added, removed, moved, eventId } };
};
