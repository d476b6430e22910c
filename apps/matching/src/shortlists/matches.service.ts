import { Injectable } from '@nestjs/common';
import { ALGORITHM_VERSION, scorePair, type Language, type LexicalCorpus } from '#engine';
import { NotFoundError } from '#platform';
import type { CompanyProfileUpsertedV1, RdNeedUpsertedV1 } from '#contracts';
import { DecisionsRepository } from '../decisions/decisions.repository.js';
import type { DecisionView } from '../decisions/decision.dto.js';
import { toDecisionView } from '../decisions/decision.mapper.js';
import { ProjectionsRepository } from '../projections/projections.repository.js';
import { toCompanyProfile, toNeedProfile } from './engine-profiles.js';
import { explainBreakdown, type ExplainedCriterion } from './explained-breakdown.js';
import type { MatchesPageQuery } from './matches.dto.js';
import { PopulationCorpus } from './population-corpus.js';
import { ShortlistsRepository } from './shortlists.repository.js';

export interface MatchItem {
  companyId: string;
  companyName: string;
  rank: number | null;
  score: number;
  eligible: boolean;
  breakdown: readonly ExplainedCriterion[];
  unmetRequirements: readonly string[];
  decision?: DecisionView;
}

export interface NeedMatches {
  needId: string;
  algorithmVersion: string;
  computedAt: string | null;
  total: number;
  limit: number;
  offset: number;
  matches: MatchItem[];
}

/** Reads for dashboards: the stored ranking, each entry explained by the engine's breakdown in the reader's language. */
@Injectable()
export class MatchesService {
  constructor(
    private readonly projections: ProjectionsRepository,
    private readonly shortlists: ShortlistsRepository,
    private readonly decisions: DecisionsRepository,
    private readonly population: PopulationCorpus,
  ) {}

  async forNeed(
    needId: string,
    query: MatchesPageQuery,
    viewerIsAdmin: boolean,
    language: Language,
  ): Promise<NeedMatches> {
    const need = await this.openNeed(needId);
    const [rows, total] = await this.shortlists.page(needId, query);
    const companies = await Promise.all(rows.map((row) => this.projections.activeCompany(row.companyId)));
    const decisions = await this.decisions.forPairs(
      needId,
      rows.map((row) => row.companyId),
    );
    const corpus = await this.population.current();
    const matches = rows.flatMap((row, index) => {
      const company = companies[index];
      if (!company) return [];
      const decision = decisions.get(row.companyId);
      return [
        {
          ...this.explain(need, company, corpus, language),
          rank: row.rank,
          score: row.score,
          ...(decision ? { decision: toDecisionView(decision, viewerIsAdmin) } : {}),
        },
      ];
    });
    const computedAt = rows.reduce<Date | null>(
      (latest, row) => (latest === null || row.computedAt > latest ? row.computedAt : latest),
      null,
    );
    return {
      needId,
      algorithmVersion: rows[0]?.algorithmVersion ?? ALGORITHM_VERSION,
      computedAt: computedAt?.toISOString() ?? null,
      total,
      limit: query.limit,
      offset: query.offset,
      matches,
    };
  }

  /** Any pair, shortlisted or not (`rank: null` when not); 404 when the need or the company is unknown or gone. */
  async pair(needId: string, companyId: string, viewerIsAdmin: boolean, language: Language): Promise<MatchItem> {
    const need = await this.openNeed(needId);
    const company = await this.projections.activeCompany(companyId);
    if (!company) throw new NotFoundError('COMPANY.NOT_FOUND', `Company ${companyId} not found`);
    const entry = await this.shortlists.entry(needId, companyId);
    const decision = (await this.decisions.forPairs(needId, [companyId])).get(companyId);
    return {
      ...this.explain(need, company, await this.population.current(), language),
      rank: entry?.rank ?? null,
      ...(decision ? { decision: toDecisionView(decision, viewerIsAdmin) } : {}),
    };
  }

  private async openNeed(needId: string): Promise<RdNeedUpsertedV1> {
    const need = await this.projections.openNeed(needId);
    if (!need) throw new NotFoundError('RD_NEED.NOT_FOUND', `R&D need ${needId} not found`);
    return need;
  }

  private explain(
    need: RdNeedUpsertedV1,
    company: CompanyProfileUpsertedV1,
    corpus: LexicalCorpus,
    language: Language,
  ): Omit<MatchItem, 'rank'> {
    const result = scorePair(toNeedProfile(need), toCompanyProfile(company), undefined, corpus);
    return {
      companyId: company.id,
      companyName: company.name,
      score: result.score,
      eligible: result.eligible,
      breakdown: explainBreakdown(result.breakdown, language),
      unmetRequirements: result.unmetRequirements,
    };
  }
}
