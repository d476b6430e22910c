import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { TOPICS } from '#contracts';
import { consumedRecord, EventIntake } from '#messaging';
import { ProfileWriter } from '#profiles';
import type { CompanyWriter } from '../companies/company.profile.js';

export const PARTNER_COMPANIES_CONSUMER = 'companies.partner-ingest';

/**
 * Partner systems' profiles: validated like REST bodies (structural errors go to the dead-letter topic), upserted
 * by `(source, externalId)` so a resubmission updates the same record; unknown terms are kept as unmapped terms.
 * An event at or below the partner's version already applied for its external reference is stale and skipped.
 */
@Controller()
export class PartnerCompaniesConsumer {
  constructor(
    private readonly intake: EventIntake,
    @Inject(ProfileWriter) private readonly companies: CompanyWriter,
  ) {}

  @EventPattern(TOPICS.partnerCompanyProfiles)
  async onPartnerProfile(@Ctx() context: KafkaContext): Promise<void> {
    await this.intake.handle(PARTNER_COMPANIES_CONSUMER, TOPICS.partnerCompanyProfiles, consumedRecord(context), {
      CompanyProfileSubmitted: async (event, manager) => {
        if (await this.intake.isStalePartnerEvent(manager, PARTNER_COMPANIES_CONSUMER, event)) return;
        await this.companies.submitFromPartner(manager, event.payload);
      },
      CompanyProfileWithdrawn: async (event, manager) => {
        if (await this.intake.isStalePartnerEvent(manager, PARTNER_COMPANIES_CONSUMER, event)) return;
        await this.companies.withdrawFromPartner(manager, event.payload.externalRef);
      },
    });
  }
}
