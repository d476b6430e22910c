import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { toShortlistChange } from './shortlist-change.js';
import { aShortlistUpdated } from './shortlist-updated.fixture.js';
import { SHORTLIST_CHANGE_FIELDS } from '../../../../test/utils/match-views.js';

const needId = randomUUID();
const companyId = randomUUID();

const envelope = (overrides: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) =>
  aShortlistUpdated(needId, {
    occurredAt: '2025-11-25T10:00:00.000Z',
    ...overrides,
    payload: { added: [{ companyId, rank: 1, score: 0.8 }], ...payload },
  });

const decode = (value: unknown) => toShortlistChange(Buffer.from(JSON.stringify(value)));

describe('toShortlistChange', () => {
  it('turns a ShortlistUpdated envelope into the change dashboards receive, with its event id', () => {
    const event = envelope();
    expect(decode(event)).toEqual({
      kind: 'change',
      change: {
        needId,
        algorithmVersion: 'parkmatch-2025.11',
        computedAt: '2025-11-25T10:00:00.000Z',
        added: [{ companyId, rank: 1, score: 0.8 }],
        removed: [],
        moved: [],
        eventId: event.eventId,
      },
    });
  });

  it('passes on only the contract fields', () => {
    const decoded = decode(
      envelope({}, { internalNote: 'x', added: [{ companyId, rank: 1, score: 0.8, reviewer: 'someone' }] }),
    );
    expect(decoded.kind === 'change' && Object.keys(decoded.change)).toEqual(SHORTLIST_CHANGE_FIELDS);
    expect(decoded.kind === 'change' && JSON.parse(JSON.stringify(decoded.change.added))).toEqual([
      { companyId, rank: 1, score: 0.8 },
    ]);
  });

  it('tells a valid event of another type on the topic apart from an invalid message', () => {
    const decision = envelope(
      { type: 'MatchDecisionRecorded' },
      {
        needId,
        companyId,
        decision: 'shortlisted',
        companyVersion: 1,
        decidedBy: 'dev-admin',
        decidedAt: '2025-11-25T10:00:00.000Z',
      },
    );
    expect(decode(decision)).toEqual({ kind: 'other', type: 'MatchDecisionRecorded' });
  });

  it.each([
    ['an empty value', null],
    ['text that is not JSON', 'not json'],
    ['an envelope without an event id', envelope({ eventId: undefined })],
    ['an unknown event type', envelope({ type: 'ShortlistDeleted' })],
    ['a payload with a bad need id', envelope({}, { needId: 'need-1' })],
  ])('rejects %s with a reason', (_label, value) => {
    const decoded =
      value === null
        ? toShortlistChange(null)
        : toShortlistChange(typeof value === 'string' ? value : JSON.stringify(value));
    expect(decoded).toEqual({ kind: 'invalid', reason: expect.any(String) });
  });
});
