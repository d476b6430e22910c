import { Injectable } from '@nestjs/common';
import { inPartnerScope } from '#platform';
import { toStoredProfile } from '#profiles';
import { CompaniesRepository } from './companies.repository.js';
import type { CompanyPage, ListCompaniesQuery } from './company.dto.js';
import { COMPANY_PROFILE } from './company.profile.js';

/** Lists companies; writes and single reads go through the company's ProfileWriter. */
@Injectable()
export class CompaniesService {
  constructor(private readonly companies: CompaniesRepository) {}

  /** `scope`: the partner source the caller is confined to (undefined: any source). */
  async list(query: ListCompaniesQuery, scope?: string): Promise<CompanyPage> {
    if (!inPartnerScope(query.source ?? scope, scope)) {
      return { items: [], total: 0, limit: query.limit, offset: query.offset };
    }
    const [companies, total] = await this.companies.list(scope === undefined ? query : { ...query, source: scope });
    return {
      items: companies.map((company) => toStoredProfile(COMPANY_PROFILE, company)),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
