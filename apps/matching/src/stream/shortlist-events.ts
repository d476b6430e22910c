import type { MessageEvent } from '@nestjs/common';
import {
  asyncScheduler,
  distinctUntilChanged,
  filter,
  interval,
  map,
  merge,
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
}

export interface ShortlistEventsOptions {
  readonly heartbeatMs?: number;
  readonly scheduler?: SchedulerLike;
}

/**
 * One client's server-sent events: a comment at once (so the response headers go out), `ready` whenever the topic
 * is being read, `shortlist-updated` for each change (only `needId`'s when given) and a heartbeat comment.
 */
export const shortlistEvents = (
  source: ShortlistChangeSource,
  needId: string | undefined,
  { heartbeatMs = HEARTBEAT_INTERVAL_MS, scheduler = asyncScheduler }: ShortlistEventsOptions = {},
): Observable<MessageEvent> =>
  merge(
    source.live$.pipe(
      distinctUntilChanged(),
      filter((live) => live),
      map((): MessageEvent => ({ type: STREAM_READY_EVENT, data: { since: new Date(scheduler.now()).toISOString() } })),
    ),
    source.changes$.pipe(
      filter((change) => needId === undefined || change.needId === needId),
      map((change): MessageEvent => ({ type: SHORTLIST_UPDATED_EVENT, id: change.eventId, data: change })),
    ),
    interval(heartbeatMs, scheduler).pipe(map((): MessageEvent => ({ comment: 'heartbeat' }))),
  ).pipe(startWith<MessageEvent>({ comment: 'connected' }), takeUntil(source.closed$));
