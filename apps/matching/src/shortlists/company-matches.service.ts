import { Injectable } from '@nestjs/common';
import { ALGORITHM_VERSION, scorePair, topKForCompany, type Language } from '#engine';
import { NotFoundError } from '#platform';
import { ProjectionsRepository } from '../projections/projections.repository.js';
import { PopulationCorpus } from './population-corpus.js';
import { toCompanyProfile, toNeedProfile } from './engine-profiles.js';
import { explainBreakdown, type ExplainedCriterion } from './explained-breakdown.js';
import type { MatchesPageQuery } from './matches.dto.js';

export interface CompanyMatchItem {
  needId: string;
  needTitle: string;
  rank: number;
  score: number;
  eligible: boolean;
  breakdown: readonly ExplainedCriterion[];
  unmetRequirements: readonly string[];
}

export interface CompanyMatches {
  companyId: string;
  algorithmVersion: string;
  computedAt: string;
  total: number;
  limit: number;
  offset: number;
  matches: CompanyMatchItem[];
}

/**
 * The other side of the shortlists: the open needs a company fits, best first. Shortlists are kept per need only,
 * so this ranks every open need on request, and like a shortlist it leaves out needs the company scores 0 for.
 */
@Injectable()
export class CompanyMatchesService {
  constructor(
    private readonly projections: ProjectionsRepository,
    private readonly population: PopulationCorpus,
  ) {}

  async forCompany(companyId: string, query: MatchesPageQuery, language: Language): Promise<CompanyMatches> {
    const company = await this.projections.activeCompany(companyId);
    if (!company) throw new NotFoundError('COMPANY.NOT_FOUND', `Company ${companyId} not found`);
    const computedAt = new Date().toISOString();
    const needs = new Map((await this.projections.openNeeds()).map((need) => [need.id, need]));
    const profile = toCompanyProfile(company);
    const corpus = await this.population.current();
    // Ranked after the zero scores are gone, as a shortlist is: an eligible need scoring 0 would otherwise hold a rank.
    const ranked = topKForCompany(profile, [...needs.values()].map(toNeedProfile), needs.size, undefined, corpus)
      .filter((match) => match.score > 0)
      .map((match, index) => ({ ...match, rank: index + 1 }));
    const matches = ranked.slice(query.offset, query.offset + query.limit).flatMap((match) => {
      const need = needs.get(match.needId);
      if (!need) return [];
      const result = scorePair(toNeedProfile(need), profile, undefined, corpus);
      return [
        {
          needId: need.id,
          needTitle: need.title,
          rank: match.rank,
          score: result.score,
          eligible: result.eligible,
          breakdown: explainBreakdown(result.breakdown, language),
          unmetRequirements: result.unmetRequirements,
        },
      ];
    });
    return {
      companyId,
      algorithmVersion: ALGORITHM_VERSION,
      computedAt,
      total: ranked.length,
      limit: query.limit,
      offset: query.offset,
      matches,
    };
  }
}
