import { TOPICS } from '#contracts';
import { partnerProfileConsumer } from '#profiles';

/** Partner systems' R&D needs, upserted by `(source, externalId)` (see `partnerProfileConsumer`). */
export const PartnerRdNeedsConsumer = partnerProfileConsumer({
  name: 'PartnerRdNeedsConsumer',
  consumer: 'rd-needs.partner-ingest',
  topic: TOPICS.partnerRdNeeds,
  submitted: 'RdNeedSubmitted',
  withdrawn: 'RdNeedWithdrawn',
});
