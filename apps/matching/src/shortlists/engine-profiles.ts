import type { CompanyProfile, EngineAsset, NeedProfile } from '#engine';
import type { Asset, CompanyProfileUpsertedV1, RdNeedUpsertedV1 } from '#contracts';

/*
 * Projections keep each event's payload as it arrived, so rows written before a field existed lack it: every field
 * added to the contracts later (targets, assets) defaults here. The engine sees ids only, plus the text it scores
 * for lexical relevance; weights were validated against its criteria when the need was written.
 */

const toEngineAsset = (asset: Asset): EngineAsset => ({
  name: asset.name,
  codes: asset.codes ?? [],
  ...(asset.modality ? { modality: asset.modality } : {}),
  ...(asset.stage ? { stage: asset.stage } : {}),
  targets: asset.targets ?? [],
  therapeuticAreas: asset.therapeuticAreas ?? [],
});

export const toNeedProfile = (need: RdNeedUpsertedV1): NeedProfile => ({
  id: need.id,
  title: need.title,
  description: need.description,
  therapeuticAreas: need.therapeuticAreas,
  targets: need.targets ?? [],
  modalities: need.modalities,
  stages: need.stages,
  sectors: need.sectors,
  mustHave: need.mustHave,
  niceToHave: need.niceToHave,
  collaborationTypes: need.collaborationTypes,
  offering: need.offering,
  preferChinaPresence: need.preferChinaPresence,
  preferWuxiCoLocation: need.preferWuxiCoLocation,
  preferredPartnerNetworks: need.preferredPartnerNetworks,
  ...(need.weights ? { weights: need.weights } : {}),
  unmappedTerms: need.unmappedTerms,
});

export const toCompanyProfile = (company: CompanyProfileUpsertedV1): CompanyProfile => ({
  id: company.id,
  name: company.name,
  description: company.description,
  sectors: company.sectors,
  therapeuticAreas: company.therapeuticAreas,
  targets: company.targets ?? [],
  assets: (company.assets ?? []).map(toEngineAsset),
  modalities: company.modalities,
  developmentStages: company.developmentStages,
  capabilities: company.capabilities,
  collaborationTypes: company.collaborationTypes,
  seeking: company.seeking,
  partnerNetworks: company.partnerNetworks,
  chinaPresence: company.chinaPresence,
  wuxiCoLocation: company.wuxiCoLocation,
  unmappedTerms: company.unmappedTerms,
});
