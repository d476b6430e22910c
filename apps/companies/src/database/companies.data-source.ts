import { profileDataSource } from '#profiles';
import { CompanyEntity } from '../companies/company.entity.js';
import { CreateCompanies1764028800000 } from './migrations/1764028800000-CreateCompanies.js';
import { AddTargetsAndAssets1764500000000 } from './migrations/1764500000000-AddTargetsAndAssets.js';

export const companiesDataSource = profileDataSource('companies', CompanyEntity, [
  CreateCompanies1764028800000,
  AddTargetsAndAssets1764500000000,
]);
