import type { CompanyProfileFields, ExternalRef } from './company-profile.shape.js';
import type { CatalogTopic, EventTypeOf, PayloadOf } from './event-map.js';
import type { RdNeedFields } from './rd-need.shape.js';
import { TOPICS } from './topics.js';

/**
 * The example profiles: a focused NSCLC small-molecule biotech and an oncology small-molecule need. The API documents
 * show them and the test factories (test/factories) build every test profile from them.
 */
export const EXAMPLE_COMPANY_PROFILE: Readonly<CompanyProfileFields> = {
  name: 'Helix Oncology Ltd',
  organisationType: 'biotech',
  sectors: ['therapeutics'],
  country: 'GB',
  city: 'Cambridge',
  description: 'Small-molecule kinase inhibitors for non-small cell lung cancer.',
  therapeuticAreas: ['non-small-cell-lung-cancer'],
  modalities: ['small-molecule'],
  developmentStages: ['preclinical'],
  capabilities: ['target-identification'],
  collaborationTypes: ['co-development'],
  seeking: ['funding'],
  partnerNetworks: ['uk-bioindustry-association'],
  chinaPresence: false,
  wuxiCoLocation: 'interested',
};

export const EXAMPLE_RD_NEED: Readonly<RdNeedFields> = {
  title: 'Lung cancer small molecules',
  description: 'Seeking preclinical small-molecule programmes in lung cancer.',
  owner: 'AstraZeneca Oncology R&D',
  therapeuticAreas: ['lung-cancer'],
  modalities: ['small-molecule'],
  stages: ['lead-optimisation', 'preclinical', 'ind-enabling'],
  sectors: ['therapeutics'],
  mustHave: [],
  niceToHave: ['target-identification'],
  collaborationTypes: ['co-development'],
  offering: ['funding'],
  preferChinaPresence: false,
  preferWuxiCoLocation: true,
  preferredPartnerNetworks: ['uk-bioindustry-association'],
  priority: 'high',
  status: 'open',
};

/** The partner record the example profile and need come from: `(source, id)` in the partner's own system. */
export const EXAMPLE_EXTERNAL_REF: Readonly<ExternalRef> = { source: 'acme-crm', id: 'crm-0042' };
export const EXAMPLE_NEED_EXTERNAL_REF: Readonly<ExternalRef> = { source: 'acme-crm', id: 'need-0007' };

const EXAMPLE_COMPANY_ID = '6f1d3c2a-8b4e-4f5a-9c7d-2e8b1a0f4c61';
const EXAMPLE_NEED_ID = '0b7e9a51-3c2d-4e8f-a1b6-5d4c3b2a1f09';
const EXAMPLE_STORED_AT = { createdAt: '2026-11-30T09:12:45.000Z', updatedAt: '2026-12-01T10:00:00.000Z' };

/**
 * One payload per event type, built from the example profiles, so the AsyncAPI document shows what each topic carries.
 * Typed by the catalog: an event type without an example, or an example its class would not accept, does not compile.
 */
export const EXAMPLE_PAYLOADS: { readonly [T in CatalogTopic]: { readonly [E in EventTypeOf<T>]: PayloadOf<T, E> } } = {
  [TOPICS.partnerCompanyProfiles]: {
    CompanyProfileSubmitted: { ...EXAMPLE_COMPANY_PROFILE, externalRef: EXAMPLE_EXTERNAL_REF },
    CompanyProfileWithdrawn: { externalRef: EXAMPLE_EXTERNAL_REF },
  },
  [TOPICS.partnerRdNeeds]: {
    RdNeedSubmitted: { ...EXAMPLE_RD_NEED, externalRef: EXAMPLE_NEED_EXTERNAL_REF },
    RdNeedWithdrawn: { externalRef: EXAMPLE_NEED_EXTERNAL_REF },
  },
  [TOPICS.companyProfiles]: {
    CompanyProfileUpserted: {
      ...EXAMPLE_COMPANY_PROFILE,
      targets: [],
      assets: [],
      externalRef: EXAMPLE_EXTERNAL_REF,
      id: EXAMPLE_COMPANY_ID,
      version: 3,
      ...EXAMPLE_STORED_AT,
      unmappedTerms: [],
    },
    CompanyProfileDeleted: { id: EXAMPLE_COMPANY_ID, version: 4 },
  },
  [TOPICS.rdNeeds]: {
    RdNeedUpserted: {
      ...EXAMPLE_RD_NEED,
      targets: [],
      externalRef: EXAMPLE_NEED_EXTERNAL_REF,
      id: EXAMPLE_NEED_ID,
      version: 2,
      ...EXAMPLE_STORED_AT,
      unmappedTerms: [],
    },
    RdNeedClosed: { id: EXAMPLE_NEED_ID, version: 3 },
  },
  [TOPICS.matchingCommands]: {
    RematchRequested: { scope: 'need', id: EXAMPLE_NEED_ID, reason: 'therapeutic areas vocabulary updated' },
  },
  [TOPICS.matchingResults]: {
    ShortlistUpdated: {
      needId: EXAMPLE_NEED_ID,
      algorithmVersion: 'pm-2.2.0+3f9a1c2e',
      computedAt: EXAMPLE_STORED_AT.updatedAt,
      added: [{ companyId: EXAMPLE_COMPANY_ID, rank: 1, score: 0.82 }],
      removed: [],
      moved: [],
    },
    MatchDecisionRecorded: {
      needId: EXAMPLE_NEED_ID,
      companyId: EXAMPLE_COMPANY_ID,
      decision: 'shortlisted',
      companyVersion: 3,
      decidedBy: 'partnering-team@example.com',
      decidedAt: EXAMPLE_STORED_AT.updatedAt,
    },
  },
};
