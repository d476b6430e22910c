import { Type } from 'class-transformer';
import { IsDefined, ValidateIf, ValidateNested } from 'class-validator';
import { ExternalRef } from './company-profile.shape.js';
import { RdNeedFields } from './rd-need.shape.js';

/** `RdNeedSubmitted` on `partner.rd-needs.v1` (key = the partner's external id); upserted by external reference. */
export class RdNeedSubmittedV1 extends RdNeedFields {
  // Replaces the inherited @IsOptional: class-validator keeps a subclass's rule of a kind over its base's, and while an
  // optional rule stands, @IsDefined is skipped and a submission without externalRef would pass validation.
  @ValidateIf(() => true)
  @IsDefined()
  @ValidateNested()
  @Type(() => ExternalRef)
  declare externalRef: ExternalRef;
}
