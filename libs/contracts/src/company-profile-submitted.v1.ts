import { CompanyProfileFields, type ExternalRef } from './company-profile.shape.js';
import { IsRequiredExternalRef } from './partner-submission.js';

/**
 * `CompanyProfileSubmitted` on `partner.company-profiles.v1` (key = the partner's external id): a partner system's
 * profile, terms as the partner wrote them; upserted by `(externalRef.source, externalRef.id)`.
 */
export class CompanyProfileSubmittedV1 extends CompanyProfileFields {
  @IsRequiredExternalRef()
  declare externalRef: ExternalRef;
}
