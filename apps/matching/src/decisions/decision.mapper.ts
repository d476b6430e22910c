import type { DecisionEntity } from './decision.entity.js';
import type { DecisionView } from './decision.dto.js';

/**
 * A competitor-conflict reason is sensitive: only admins see it; others see that a reason was withheld.
 */
export const toDecisionView = (decision: DecisionEntity, viewerIsAdmin: boolean): DecisionView => {
  const hidden = decision.reason === 'competitor-conflict' && !viewerIsAdmin;
  return {
    decision: decision.decision,
    ...(decision.reason && !hidden ? { reason: decision.reason } : {}),
    ...(decision.note && !hidden ? { note: decision.note } : {}),
    decidedBy: decision.decidedBy,
    decidedAt: decision.decidedAt.toISOString(),
    companyVersion: decision.companyVersion,
  };
};
