import { describe, expect, it } from '@jest/globals';
import type { ShortlistChange } from './shortlist-change.js';
import { RecentChanges } from './recent-changes.js';

const change = (eventId: string): ShortlistChange => ({
  needId: '11111111-1111-4111-8111-111111111111',
  algorithmVersion: 'v1',
  computedAt: '2025-11-25T10:00:00.000Z',
  added: [],
  removed: [],
  moved: [],
  eventId,
});
const ids = (changes: ShortlistChange[] | undefined) => changes?.map((kept) => kept.eventId);

describe('RecentChanges', () => {
  it('gives the changes after a kept id, oldest first', () => {
    const recent = new RecentChanges(10);
    for (const id of ['a', 'b', 'c']) recent.add(change(id));
    expect([ids(recent.after('a')), ids(recent.after('c')), ids(recent.after('x'))]).toEqual([
      ['b', 'c'],
      [],
      undefined,
    ]);
  });

  it('forgets the oldest past its capacity', () => {
    const recent = new RecentChanges(2);
    for (const id of ['a', 'b', 'c', 'd']) recent.add(change(id));
    expect([ids(recent.after('a')), ids(recent.after('b')), ids(recent.after('c'))]).toEqual([
      undefined,
      undefined,
      ['d'],
    ]);
  });

  it('resumes nothing from before a gap', () => {
    const recent = new RecentChanges(10);
    recent.add(change('a'));
    recent.clear();
    recent.add(change('b'));
    expect([ids(recent.after('a')), ids(recent.after('b'))]).toEqual([undefined, []]);
  });
});
