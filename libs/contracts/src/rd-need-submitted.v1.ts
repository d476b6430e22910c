import type { ExternalRef } from './company-profile.shape.js';
import { IsRequiredExternalRef } from './partner-submission.js';
import { RdNeedFields } from './rd-need.shape.js';

/** `RdNeedSubmitted` on `partner.rd-needs.v1` (key = the partner's external id); upserted by external reference. */
export class RdNeedSubmittedV1 extends RdNeedFields {
  @IsRequiredExternalRef()
  declare externalRef: ExternalRef;
}
