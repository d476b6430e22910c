import { ADMIN_ONLY_DECISION_REASONS, type MatchDecisionReason, type PublishedDecisionReason } from '#contracts';
import type { DecisionEntity } from './decision.entity.js';
import type { DecisionView } from './decision.dto.js';

export interface DashboardDecisionDetails {
  reason?: PublishedDecisionReason;
  note?: string;
}

const isPublished = (reason: MatchDecisionReason): reason is PublishedDecisionReason =>
  !(ADMIN_ONLY_DECISION_REASONS as readonly string[]).includes(reason);

/**
 * The one field policy for every channel dashboards read (REST for non-admins, `matching.results.v1`): a decision
 * with an admin-only reason such as competitor-conflict shows neither that reason nor its note.
 */
export const dashboardDecisionDetails = (
  decision: Pick<DecisionEntity, 'reason' | 'note'>,
): DashboardDecisionDetails => {
  const { reason, note } = decision;
  if (reason && !isPublished(reason)) return {};
  return { ...(reason ? { reason } : {}), ...(note ? { note } : {}) };
};

export const toDecisionView = (decision: DecisionEntity, viewerIsAdmin: boolean): DecisionView => ({
  decision: decision.decision,
  ...(viewerIsAdmin
    ? { ...(decision.reason ? { reason: decision.reason } : {}), ...(decision.note ? { note: decision.note } : {}) }
    : dashboardDecisionDetails(decision)),
  decidedBy: decision.decidedBy,
  decidedAt: decision.decidedAt.toISOString(),
  companyVersion: decision.companyVersion,
});
