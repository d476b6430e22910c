import { TOPICS, type Asset, type CompanyProfileFields } from '#contracts';
import type { ProfileDefinition, ProfileWriter } from '#profiles';
import { CompanyEntity } from './company.entity.js';

/** An asset as stored and published: every list present (default `[]`), absent single terms omitted. */
export const toStoredAsset = (asset: Asset): Asset => ({
  name: asset.name,
  codes: asset.codes ?? [],
  ...(asset.modality ? { modality: asset.modality } : {}),
  ...(asset.stage ? { stage: asset.stage } : {}),
  targets: asset.targets ?? [],
  therapeuticAreas: asset.therapeuticAreas ?? [],
});

/** A company: each field once, with the vocabulary its terms resolve against and how it is stored. */
export const COMPANY_PROFILE: ProfileDefinition<CompanyProfileFields, CompanyEntity> = {
  label: 'Company',
  code: 'COMPANY',
  entity: CompanyEntity,
  fields: {
    name: {},
    organisationType: { terms: 'organisationTypes' },
    sectors: { terms: 'sectors' },
    country: { store: (country) => country.toUpperCase() },
    city: {},
    description: {},
    therapeuticAreas: { terms: 'therapeuticAreas' },
    targets: { terms: 'targets', absent: [] },
    assets: {
      terms: {
        each: {
          modality: 'modalities',
          stage: 'developmentStages',
          targets: 'targets',
          therapeuticAreas: 'therapeuticAreas',
        },
      },
      absent: [],
      store: (assets) => assets.map(toStoredAsset),
    },
    modalities: { terms: 'modalities' },
    developmentStages: { terms: 'developmentStages' },
    capabilities: { terms: 'capabilities' },
    collaborationTypes: { terms: 'collaborationTypes' },
    seeking: { terms: 'offerings' },
    partnerNetworks: { terms: 'partnerNetworks' },
    chinaPresence: {},
    wuxiCoLocation: {},
    website: { absent: null },
  },
  events: { topic: TOPICS.companyProfiles, stored: 'CompanyProfileUpserted', removed: 'CompanyProfileDeleted' },
};

export type CompanyWriter = ProfileWriter<CompanyProfileFields, CompanyEntity>;
