import { TOPICS } from '#contracts';
import { partnerProfileConsumer } from '#profiles';

/** Partner systems' company profiles, upserted by `(source, externalId)` (see `partnerProfileConsumer`). */
export const PartnerCompaniesConsumer = partnerProfileConsumer({
  name: 'PartnerCompaniesConsumer',
  consumer: 'companies.partner-ingest',
  topic: TOPICS.partnerCompanyProfiles,
  submitted: 'CompanyProfileSubmitted',
  withdrawn: 'CompanyProfileWithdrawn',
});
