import type { RdNeedFields } from '#contracts';
import type { ProfileService } from '#profiles';
import { rdNeedsDataSource } from './database/rd-needs.data-source.js';
import type { RdNeedEntity } from './needs/rd-need.entity.js';
import { RD_NEED_PROFILE } from './needs/rd-need.profile.js';
import { RdNeedsController } from './needs/rd-needs.controller.js';
import { RdNeedsRepository } from './needs/rd-needs.repository.js';
import { PartnerRdNeedsConsumer } from './partner-ingest/partner-rd-needs.consumer.js';

/** The rd-needs service: R&D needs over REST and from partners, as `ProfileServiceModule` wires it. */
export const RD_NEEDS_SERVICE: ProfileService<RdNeedFields, RdNeedEntity> = {
  service: 'rd-needs',
  database: rdNeedsDataSource,
  profile: RD_NEED_PROFILE,
  repository: RdNeedsRepository,
  controllers: [RdNeedsController, PartnerRdNeedsConsumer],
};
