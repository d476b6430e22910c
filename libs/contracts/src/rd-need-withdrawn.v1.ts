import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { ExternalRef } from './company-profile.shape.js';

/** `RdNeedWithdrawn` on `partner.rd-needs.v1`: the partner takes its need off the market. */
export class RdNeedWithdrawnV1 {
  @IsDefined()
  @ValidateNested()
  @Type(() => ExternalRef)
  externalRef!: ExternalRef;
}
