import { Injectable } from '@nestjs/common';
import { TOPICS } from '#contracts';
import { NotFoundError, Transactions } from '#platform';
import { OutboxWriter } from '#messaging';
import { ProjectionsRepository } from '../projections/projections.repository.js';
import { ShortlistsService } from './shortlists.service.js';
import { DecisionEntity } from '../decisions/decision.entity.js';
import type { DecisionView, RecordDecisionDto } from '../decisions/decision.dto.js';
import { dashboardDecisionDetails, toDecisionView } from '../decisions/decision.mapper.js';
import { DecisionsRepository } from '../decisions/decisions.repository.js';

@Injectable()
export class DecisionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly decisions: DecisionsRepository,
    private readonly projections: ProjectionsRepository,
    private readonly shortlists: ShortlistsService,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Records (or replaces) the decision on a pair, publishes it, and reranks the need so a decline takes the pair
   * off the shortlist at once; it stays off across rematches until the company publishes a newer profile.
   */
  async record(needId: string, companyId: string, input: RecordDecisionDto, decidedBy: string): Promise<DecisionView> {
    const need = await this.projections.openNeed(needId);
    if (!need) throw new NotFoundError('RD_NEED.NOT_FOUND', `R&D need ${needId} not found`);
    const company = await this.projections.activeCompany(companyId);
    if (!company) throw new NotFoundError('COMPANY.NOT_FOUND', `Company ${companyId} not found`);
    const decision = Object.assign(new DecisionEntity(), {
      needId,
      companyId,
      decision: input.decision,
      reason: input.reason ?? null,
      note: input.note ?? null,
      companyVersion: company.version,
      decidedBy,
      decidedAt: new Date(),
    });
    await this.transactions.run(async (manager) => {
      await this.decisions.save(manager, decision);
      await this.outbox.enqueue(manager, [
        {
          topic: TOPICS.matchingResults,
          type: 'MatchDecisionRecorded',
          key: needId,
          payload: {
            needId,
            companyId,
            decision: decision.decision,
            // Dashboards read this topic: it carries what they may see over REST, never an admin-only reason.
            ...dashboardDecisionDetails(decision),
            companyVersion: decision.companyVersion,
            decidedBy,
            decidedAt: decision.decidedAt.toISOString(),
          },
        },
      ]);
      await this.shortlists.decide(
        manager,
        needId,
        companyId,
        decision.decision === 'declined' ? decision.companyVersion : null,
      );
      await this.shortlists.rescoreNeed(manager, need);
    });
    return toDecisionView(decision, true);
  }
}
