import { CompanyProfileDeletedV1 } from './company-profile-deleted.v1.js';
import { CompanyProfileSubmittedV1 } from './company-profile-submitted.v1.js';
import { CompanyProfileWithdrawnV1 } from './company-profile-withdrawn.v1.js';
import { CompanyProfileUpsertedV1 } from './company-profile-upserted.v1.js';
import { MatchDecisionRecordedV1 } from './match-decision-recorded.v1.js';
import { RdNeedClosedV1 } from './rd-need-closed.v1.js';
import { RdNeedSubmittedV1 } from './rd-need-submitted.v1.js';
import { RdNeedUpsertedV1 } from './rd-need-upserted.v1.js';
import { RdNeedWithdrawnV1 } from './rd-need-withdrawn.v1.js';
import { RematchRequestedV1 } from './rematch-requested.v1.js';
import { ShortlistUpdatedV1 } from './shortlist-updated.v1.js';
import { TOPICS } from './topics.js';

/** Topic → event type → payload class: the single source both publishers and consumers are typed against. */
export const EVENT_CATALOG = {
  [TOPICS.partnerCompanyProfiles]: {
    CompanyProfileSubmitted: CompanyProfileSubmittedV1,
    CompanyProfileWithdrawn: CompanyProfileWithdrawnV1,
  },
  [TOPICS.partnerRdNeeds]: {
    RdNeedSubmitted: RdNeedSubmittedV1,
    RdNeedWithdrawn: RdNeedWithdrawnV1,
  },
  [TOPICS.companyProfiles]: {
    CompanyProfileUpserted: CompanyProfileUpsertedV1,
    CompanyProfileDeleted: CompanyProfileDeletedV1,
  },
  [TOPICS.rdNeeds]: {
    RdNeedUpserted: RdNeedUpsertedV1,
    RdNeedClosed: RdNeedClosedV1,
  },
  [TOPICS.matchingCommands]: {
    RematchRequested: RematchRequestedV1,
  },
  [TOPICS.matchingResults]: {
    ShortlistUpdated: ShortlistUpdatedV1,
    MatchDecisionRecorded: MatchDecisionRecordedV1,
  },
} as const;

export type CatalogTopic = keyof typeof EVENT_CATALOG;
export type EventTypeOf<T extends CatalogTopic> = keyof (typeof EVENT_CATALOG)[T] & string;
export type PayloadOf<T extends CatalogTopic, E extends EventTypeOf<T>> = InstanceType<
  (typeof EVENT_CATALOG)[T][E] extends abstract new (...args: never[]) => infer P ? new () => P : never
>;
