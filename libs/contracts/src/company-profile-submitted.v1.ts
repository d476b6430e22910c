import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { CompanyProfileFields, ExternalRef } from './company-profile.shape.js';

/**
 * `CompanyProfileSubmitted` on `partner.company-profiles.v1` (key = the partner's external id): a partner system's
 * profile, terms as the partner wrote them; upserted by `(externalRef.source, externalRef.id)`.
 */
export class CompanyProfileSubmittedV1 extends CompanyProfileFields {
  @IsDefined()
  @ValidateNested()
  @Type(() => ExternalRef)
  declare externalRef: ExternalRef;
}
