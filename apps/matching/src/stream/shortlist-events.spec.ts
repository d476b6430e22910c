import { describe, expect, it } from '@jest/globals';
import type { MessageEvent } from '@nestjs/common';
import { BehaviorSubject, ReplaySubject, Subject, VirtualTimeScheduler } from 'rxjs';
import { RecentChanges } from './recent-changes.js';
import type { ShortlistChange } from './shortlist-change.js';
import { shortlistEvents, type ShortlistChangeSource } from './shortlist-events.js';

const NEED_A = '11111111-1111-4111-8111-111111111111';
const NEED_B = '22222222-2222-4222-8222-222222222222';

const change = (needId: string, eventId: string): ShortlistChange => ({
  needId,
  algorithmVersion: 'v1',
  computedAt: '2025-11-25T10:00:00.000Z',
  added: [{ companyId: '33333333-3333-4333-8333-333333333333', rank: 1, score: 0.7 }],
  removed: [],
  moved: [],
  eventId,
});

const setup = (
  needId?: string,
  live = false,
  { recent = new RecentChanges(), lastEventId = undefined as string | undefined } = {},
) => {
  const changes = new Subject<ShortlistChange>();
  const liveness = new BehaviorSubject(live);
  const closed = new ReplaySubject<void>(1);
  const source: ShortlistChangeSource = {
    changes$: changes,
    live$: liveness,
    closed$: closed,
    changesAfter: (eventId) => recent.after(eventId),
  };
  const scheduler = new VirtualTimeScheduler();
  const events: MessageEvent[] = [];
  let completed = false;
  shortlistEvents(source, needId, { heartbeatMs: 15_000, scheduler, lastEventId }).subscribe({
    next: (event) => events.push(event),
    complete: () => {
      completed = true;
    },
  });
  return { changes, liveness, closed, scheduler, events, isCompleted: () => completed };
};

describe('shortlistEvents', () => {
  it('opens with a comment, so the response headers go out before the first change', () => {
    const { events } = setup();
    expect(events).toEqual([{ comment: 'connected' }]);
  });

  it('sends each change as a shortlist-updated event whose id is the event id', () => {
    const { changes, events } = setup();
    changes.next(change(NEED_A, 'e-1'));
    changes.next(change(NEED_B, 'e-2'));
    expect(events.slice(1)).toEqual([
      { type: 'shortlist-updated', id: 'e-1', data: change(NEED_A, 'e-1') },
      { type: 'shortlist-updated', id: 'e-2', data: change(NEED_B, 'e-2') },
    ]);
  });

  it("sends only the filtered need's changes", () => {
    const { changes, events } = setup(NEED_A);
    changes.next(change(NEED_B, 'e-1'));
    changes.next(change(NEED_A, 'e-2'));
    expect(events.slice(1).map((event) => event.id)).toEqual(['e-2']);
  });

  it('says ready when the topic is being read, and again after every gap', () => {
    const { liveness, events } = setup(undefined, true);
    liveness.next(true);
    liveness.next(false);
    liveness.next(true);
    expect(events.filter((event) => event.type === 'ready')).toHaveLength(2);
    expect(events[1]).toEqual({ type: 'ready', data: { since: expect.any(String) } });
  });

  it('sends a heartbeat comment every 15 s', () => {
    const { scheduler, events } = setup();
    scheduler.maxFrames = 45_000;
    scheduler.flush();
    expect(events.filter((event) => event.comment === 'heartbeat')).toHaveLength(3);
  });

  it('ends when the service shuts down', () => {
    const { closed, isCompleted } = setup();
    closed.next();
    expect(isCompleted()).toBe(true);
  });

  it('ends at once for a client that connects after the shutdown', () => {
    const closed = new ReplaySubject<void>(1);
    closed.next();
    closed.complete();
    const source = {
      changes$: new Subject<ShortlistChange>(),
      live$: new BehaviorSubject(true),
      closed$: closed,
      changesAfter: () => undefined,
    };
    const events: MessageEvent[] = [];
    let completed = false;
    shortlistEvents(source, undefined).subscribe({
      next: (event) => events.push(event),
      complete: () => {
        completed = true;
      },
    });
    expect(completed).toBe(true);
    expect(events).toEqual([]);
  });

  it("resumes after a recent event id: the need's missed changes, no ready, then live ones", () => {
    const recent = new RecentChanges();
    for (const [needId, id] of [
      [NEED_A, 'e-1'],
      [NEED_B, 'e-2'],
      [NEED_A, 'e-3'],
    ] as const)
      recent.add(change(needId, id));
    const { changes, events } = setup(NEED_A, true, { recent, lastEventId: 'e-1' });
    changes.next(change(NEED_A, 'e-4'));
    expect(events.map((event) => event.comment ?? `${event.type} ${event.id}`)).toEqual([
      'resumed',
      'shortlist-updated e-3',
      'shortlist-updated e-4',
    ]);
  });

  it('sends ready, so the client reloads, for an id it cannot resume from', () => {
    const { events } = setup(undefined, true, { lastEventId: 'long-gone' });
    expect(events.map((event) => event.comment ?? event.type)).toEqual(['connected', 'ready']);
  });
});
