import { CompanyProfileFields } from './company-profile.shape.js';
import { withStoredFields } from './stored-entity.shape.js';

/** `CompanyProfileUpserted` on `companies.company-profiles.v1`: the whole profile, vocabulary fields as ids. */
export class CompanyProfileUpsertedV1 extends withStoredFields(CompanyProfileFields) {}
