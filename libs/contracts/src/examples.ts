import type { CompanyProfileFields } from './company-profile.shape.js';
import type { RdNeedFields } from './rd-need.shape.js';

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
