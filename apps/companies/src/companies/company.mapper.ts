import { isDeepStrictEqual } from 'node:util';
import type { Asset, CompanyProfileFields } from '#contracts';
import { CompanyEntity } from './company.entity.js';
import type { CompanyResponse } from './company.dto.js';

/** The API and event shape of a stored company. */
export const toCompanyResponse = (company: CompanyEntity): CompanyResponse => ({
  id: company.id,
  version: company.version,
  name: company.name,
  organisationType: company.organisationType,
  sectors: company.sectors,
  country: company.country,
  city: company.city,
  description: company.description,
  therapeuticAreas: company.therapeuticAreas,
  targets: company.targets,
  assets: company.assets,
  modalities: company.modalities,
  developmentStages: company.developmentStages,
  capabilities: company.capabilities,
  collaborationTypes: company.collaborationTypes,
  seeking: company.seeking,
  partnerNetworks: company.partnerNetworks,
  chinaPresence: company.chinaPresence,
  wuxiCoLocation: company.wuxiCoLocation,
  ...(company.website ? { website: company.website } : {}),
  ...(company.externalSource && company.externalId
    ? { externalRef: { source: company.externalSource, id: company.externalId } }
    : {}),
  unmappedTerms: company.unmappedTerms,
  createdAt: company.createdAt.toISOString(),
  updatedAt: company.updatedAt.toISOString(),
});

/** An asset as stored and published: every list present (default `[]`), absent single terms omitted. */
export const toStoredAsset = (asset: Asset): Asset => ({
  name: asset.name,
  codes: asset.codes ?? [],
  ...(asset.modality ? { modality: asset.modality } : {}),
  ...(asset.stage ? { stage: asset.stage } : {}),
  targets: asset.targets ?? [],
  therapeuticAreas: asset.therapeuticAreas ?? [],
});

/** Applies resolved fields to an entity; returns whether anything the API shows changed. */
export const applyCompanyFields = (
  company: CompanyEntity,
  fields: CompanyProfileFields,
  unmappedTerms: string[],
): boolean => {
  const next: Partial<CompanyEntity> = {
    name: fields.name,
    organisationType: fields.organisationType,
    sectors: fields.sectors,
    country: fields.country.toUpperCase(),
    city: fields.city,
    description: fields.description,
    therapeuticAreas: fields.therapeuticAreas,
    targets: fields.targets ?? [],
    assets: (fields.assets ?? []).map(toStoredAsset),
    modalities: fields.modalities,
    developmentStages: fields.developmentStages,
    capabilities: fields.capabilities,
    collaborationTypes: fields.collaborationTypes,
    seeking: fields.seeking,
    partnerNetworks: fields.partnerNetworks,
    chinaPresence: fields.chinaPresence,
    wuxiCoLocation: fields.wuxiCoLocation,
    website: fields.website ?? null,
    externalSource: fields.externalRef?.source ?? null,
    externalId: fields.externalRef?.id ?? null,
    unmappedTerms,
  };
  const changed = (Object.keys(next) as (keyof CompanyEntity)[]).some(
    (key) => !isDeepStrictEqual(company[key], next[key]),
  );
  Object.assign(company, next);
  return changed;
};

export const companyFieldsOf = (company: CompanyEntity): CompanyProfileFields => {
  const {
    id: _id,
    version: _version,
    createdAt: _c,
    updatedAt: _u,
    unmappedTerms: _m,
    ...fields
  } = toCompanyResponse(company);
  return fields;
};
