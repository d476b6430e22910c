import { Injectable } from '@nestjs/common';
import { TOPICS, type CompanyProfileFields } from '#contracts';
import { inPartnerScope } from '#platform';
import { OutboxWriter } from '#messaging';
import { VersionedProfileService, type ProfileDefinition } from '#profiles';
import { CompaniesRepository } from './companies.repository.js';
import { CompanyEntity } from './company.entity.js';
import { COMPANY_TERM_FIELDS, type CompanyPage, type CompanyResponse, type ListCompaniesQuery } from './company.dto.js';
import { applyCompanyFields, companyFieldsOf, toCompanyResponse } from './company.mapper.js';

const COMPANY_PROFILE: ProfileDefinition<CompanyEntity, CompanyProfileFields, CompanyResponse> = {
  label: 'Company',
  code: 'COMPANY',
  termFields: COMPANY_TERM_FIELDS,
  newRow: () => new CompanyEntity(),
  apply: applyCompanyFields,
  fieldsOf: companyFieldsOf,
  toResponse: toCompanyResponse,
  stored: (saved) => ({
    topic: TOPICS.companyProfiles,
    type: 'CompanyProfileUpserted',
    key: saved.id,
    payload: saved,
    entityVersion: saved.version,
  }),
  removed: (id, version) => ({
    topic: TOPICS.companyProfiles,
    type: 'CompanyProfileDeleted',
    key: id,
    payload: { id, version },
    entityVersion: version,
  }),
};

@Injectable()
export class CompaniesService extends VersionedProfileService<CompanyEntity, CompanyProfileFields, CompanyResponse> {
  constructor(
    private readonly companies: CompaniesRepository,
    outbox: OutboxWriter,
  ) {
    super(companies, outbox, COMPANY_PROFILE);
  }

  /** `scope`: the partner source the caller is confined to (undefined: any source). */
  async list(query: ListCompaniesQuery, scope?: string): Promise<CompanyPage> {
    if (!inPartnerScope(query.source ?? scope, scope)) {
      return { items: [], total: 0, limit: query.limit, offset: query.offset };
    }
    const [companies, total] = await this.companies.list(scope === undefined ? query : { ...query, source: scope });
    return { items: companies.map(toCompanyResponse), total, limit: query.limit, offset: query.offset };
  }
}
