import type { MessageEvent } from '@nestjs/common';
import {
  asyncScheduler,
  concat,
  defer,
  distinctUntilChanged,
  filter,
  interval,
  from,
  map,
  merge,
  skip,
  startWith,
  takeUntil,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import type { ShortlistChange } from './shortlist-change.js';

/** Proxies and load balancers drop connections that stay silent for long; 15 s is well inside their usual limits. */
export const HEARTBEAT_INTERVAL_MS = 15_000;

export const SHORTLIST_UPDATED_EVENT = 'shortlist-updated';
export const STREAM_READY_EVENT = 'ready';

/** What the stream reads from: the changes seen on the results topic and whether they are being received. */
export interface ShortlistChangeSource {
  readonly changes$: Observable<ShortlistChange>;
  /**
   * Whether the topic is being read. Each switch to `true` starts a run without gaps: a client that gets `ready`
   * (again) reloads the shortlists it shows, then applies the changes that follow.
   */
  readonly live$: Observable<boolean>;
  /** Emits once, also to late subscribers, when the service shuts down: every stream then ends. */
  readonly closed$: Observable<void>;
  /** The changes after `eventId` in the current run, when it is one of the recent ones; otherwise undefined. */
  changesAfter(eventId: string): readonly ShortlistChange[] | undefined;
}

export interface ShortlistEventsOptions {
  /** The id of the last event the client saw (`Last-Event-ID`): the stream resumes after it when it can. */
  readonly lastEventId?: string;
  readonly heartbeatMs?: number;
  readonly scheduler?: SchedulerLike;
}

/**
 * One client's server-sent events: a comment at once (so the response headers go out), `ready` whenever the topic
 * is being read, `shortlist-updated` for each change (only `needId`'s when given) and a heartbeat comment. A client
 * that reconnects with the id of a recent change gets the changes it missed instead of the first `ready` (which
 * would have it reload); with an id this instance does not hold, it gets `ready` and reloads.
 */
export const shortlistEvents = (
  source: ShortlistChangeSource,
  needId: string | undefined,
  { lastEventId, heartbeatMs = HEARTBEAT_INTERVAL_MS, scheduler = asyncScheduler }: ShortlistEventsOptions = {},
): Observable<MessageEvent> =>
  defer(() => {
    // Taken in the same tick as the subscription to new changes below: nothing can fall between the two.
    const missed = lastEventId === undefined ? undefined : source.changesAfter(lastEventId);
    const forNeed = (change: ShortlistChange) => needId === undefined || change.needId === needId;
    return merge(
      source.live$.pipe(
        distinctUntilChanged(),
        filter((live) => live),
        skip(missed === undefined ? 0 : 1),
        map((): MessageEvent => ({
          type: STREAM_READY_EVENT,
          data: { since: new Date(scheduler.now()).toISOString() },
        })),
      ),
      concat(from(missed ?? []), source.changes$).pipe(
        filter(forNeed),
        map((change): MessageEvent => ({ type: SHORTLIST_UPDATED_EVENT, id: change.eventId, data: change })),
      ),
      interval(heartbeatMs, scheduler).pipe(map((): MessageEvent => ({ comment: 'heartbeat' }))),
    ).pipe(startWith<MessageEvent>({ comment: missed === undefined ? 'connected' : 'resumed' }));
  }).pipe(takeUntil(source.closed$));
