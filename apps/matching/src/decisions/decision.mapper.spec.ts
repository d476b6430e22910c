import { describe, expect, it } from '@jest/globals';
import type { DecisionEntity } from './decision.entity.js';
import { dashboardDecisionDetails, toDecisionView } from './decision.mapper.js';

const decision = (reason: DecisionEntity['reason'], note: string | null): DecisionEntity =>
  Object.assign({} as DecisionEntity, {
    needId: 'n',
    companyId: 'c',
    decision: 'declined',
    reason,
    note,
    companyVersion: 1,
    decidedBy: 'admin:k',
    decidedAt: new Date('2026-01-01T00:00:00Z'),
  });

describe('the decision field policy', () => {
  it('withholds an admin-only reason and its note from dashboards, on every channel', () => {
    const conflict = decision('competitor-conflict', 'works with a competitor');
    expect(dashboardDecisionDetails(conflict)).toEqual({});
    expect(toDecisionView(conflict, false)).not.toHaveProperty('reason');
    expect(toDecisionView(conflict, false)).not.toHaveProperty('note');
  });

  it('shows admins everything', () => {
    expect(toDecisionView(decision('competitor-conflict', 'n'), true)).toMatchObject({
      reason: 'competitor-conflict',
      note: 'n',
    });
  });

  it('shows dashboards a published reason and its note', () => {
    expect(dashboardDecisionDetails(decision('too-early-stage', 'after IND'))).toEqual({
      reason: 'too-early-stage',
      note: 'after IND',
    });
    expect(dashboardDecisionDetails(decision(null, null))).toEqual({});
  });
});
