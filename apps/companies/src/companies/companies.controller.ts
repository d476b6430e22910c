import { profileController } from '#profiles';
import { CompaniesRepository } from './companies.repository.js';
import { CreateCompanyDto, ListCompaniesQuery, UpdateCompanyDto } from './company.dto.js';
import { COMPANY_PROFILE } from './company.profile.js';

/** `POST|GET /companies`, `GET|PUT|PATCH|DELETE /companies/:id`: a partner key sees its own source's companies only. */
export const CompaniesController = profileController({
  name: 'CompaniesController',
  path: 'companies',
  profile: COMPANY_PROFILE,
  lister: CompaniesRepository,
  createDto: CreateCompanyDto,
  updateDto: UpdateCompanyDto,
  listQuery: ListCompaniesQuery,
});
