import type { CompanyProfileFields } from '#contracts';
import type { ProfileService } from '#profiles';
import { CompaniesController } from './companies/companies.controller.js';
import { CompaniesRepository } from './companies/companies.repository.js';
import type { CompanyEntity } from './companies/company.entity.js';
import { COMPANY_PROFILE } from './companies/company.profile.js';
import { companiesDataSource } from './database/companies.data-source.js';
import { PartnerCompaniesConsumer } from './partner-ingest/partner-companies.consumer.js';

/** The companies service: company profiles over REST and from partners, as `ProfileServiceModule` wires it. */
export const COMPANIES_SERVICE: ProfileService<CompanyProfileFields, CompanyEntity> = {
  service: 'companies',
  database: companiesDataSource,
  profile: COMPANY_PROFILE,
  repository: CompaniesRepository,
  controllers: [CompaniesController, PartnerCompaniesConsumer],
};
