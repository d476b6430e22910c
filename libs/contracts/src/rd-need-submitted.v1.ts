import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { ExternalRef } from './company-profile.shape.js';
import { RdNeedFields } from './rd-need.shape.js';

/** `RdNeedSubmitted` on `partner.rd-needs.v1` (key = the partner's external id); upserted by external reference. */
export class RdNeedSubmittedV1 extends RdNeedFields {
  @IsDefined()
  @ValidateNested()
  @Type(() => ExternalRef)
  declare externalRef: ExternalRef;
}
