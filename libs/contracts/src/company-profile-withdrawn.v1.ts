import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { ExternalRef } from './company-profile.shape.js';

/** `CompanyProfileWithdrawn` on `partner.company-profiles.v1`: the partner removes its profile. */
export class CompanyProfileWithdrawnV1 {
  @IsDefined()
  @ValidateNested()
  @Type(() => ExternalRef)
  externalRef!: ExternalRef;
}
