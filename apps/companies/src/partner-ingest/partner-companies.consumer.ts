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
      CompanyProfileSubmitted: (event, manager) => this.companies.submitFromPartner(manager, event.payload),
      CompanyProfileWithdrawn: (event, manager) =>
        this.companies.withdrawFromPartner(manager, event.payload.externalRef),
    });
  }
}
