import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { TOPICS } from '#contracts';
import { consumedRecord, EventIntake } from '#messaging';
import { ProfileWriter } from '#profiles';
import type { RdNeedWriter } from '../needs/rd-need.profile.js';

export const PARTNER_RD_NEEDS_CONSUMER = 'rd-needs.partner-ingest';

/**
 * Partner systems' R&D needs, upserted by `(source, externalId)`; unknown terms are kept as unmapped terms. An event
 * at or below the partner's version already applied for its external reference is stale and skipped.
 */
@Controller()
export class PartnerRdNeedsConsumer {
  constructor(
    private readonly intake: EventIntake,
    @Inject(ProfileWriter) private readonly needs: RdNeedWriter,
  ) {}

  @EventPattern(TOPICS.partnerRdNeeds)
  async onPartnerNeed(@Ctx() context: KafkaContext): Promise<void> {
    await this.intake.handle(PARTNER_RD_NEEDS_CONSUMER, TOPICS.partnerRdNeeds, consumedRecord(context), {
      RdNeedSubmitted: async (event, manager) => {
        if (await this.intake.isStalePartnerEvent(manager, PARTNER_RD_NEEDS_CONSUMER, event)) return;
        await this.needs.submitFromPartner(manager, event.payload);
      },
      RdNeedWithdrawn: async (event, manager) => {
        if (await this.intake.isStalePartnerEvent(manager, PARTNER_RD_NEEDS_CONSUMER, event)) return;
        await this.needs.withdrawFromPartner(manager, event.payload.externalRef);
      },
    });
  }
}
