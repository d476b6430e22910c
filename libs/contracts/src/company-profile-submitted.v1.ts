import { Type } from 'class-transformer';
import { IsDefined, ValidateIf, ValidateNested } from 'class-validator';
import { CompanyProfileFields, ExternalRef } from './company-profile.shape.js';

/**
 * `CompanyProfileSubmitted` on `partner.company-profiles.v1` (key = the partner's external id): a partner system's
 * profile, terms as the partner wrote them; upserted by `(externalRef.source, externalRef.id)`.
 */
export class CompanyProfileSubmittedV1 extends CompanyProfileFields {
  // Replaces the inherited @IsOptional: class-validator keeps a subclass's rule of a kind over its base's, and while an
  // optional rule stands, @IsDefined is skipped and a submission without externalRef would pass validation.
  @ValidateIf(() => true)
  @IsDefined()
  @ValidateNested()
  @Type(() => ExternalRef)
  declare externalRef: ExternalRef;
}
