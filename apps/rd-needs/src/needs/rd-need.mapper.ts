import { isDeepStrictEqual } from 'node:util';
import type { RdNeedFields } from '#contracts';
import { RdNeedEntity } from './rd-need.entity.js';
import type { RdNeedResponse } from './rd-need.dto.js';

/** The API and event shape of a stored need. */
export const toRdNeedResponse = (need: RdNeedEntity): RdNeedResponse => ({
  id: need.id,
  version: need.version,
  title: need.title,
  description: need.description,
  owner: need.owner,
  therapeuticAreas: need.therapeuticAreas,
  targets: need.targets,
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
  priority: need.priority,
  ...(need.deadline ? { deadline: need.deadline } : {}),
  status: need.status,
  ...(need.weights ? { weights: need.weights } : {}),
  ...(need.externalSource && need.externalId
    ? { externalRef: { source: need.externalSource, id: need.externalId } }
    : {}),
  unmappedTerms: need.unmappedTerms,
  createdAt: need.createdAt.toISOString(),
  updatedAt: need.updatedAt.toISOString(),
});

/** Applies resolved fields to an entity; returns whether anything the API shows changed. */
export const applyRdNeedFields = (need: RdNeedEntity, fields: RdNeedFields, unmappedTerms: string[]): boolean => {
  const next: Partial<RdNeedEntity> = {
    title: fields.title,
    description: fields.description,
    owner: fields.owner,
    therapeuticAreas: fields.therapeuticAreas,
    targets: fields.targets ?? [],
    modalities: fields.modalities,
    stages: fields.stages,
    sectors: fields.sectors,
    mustHave: fields.mustHave,
    niceToHave: fields.niceToHave,
    collaborationTypes: fields.collaborationTypes,
    offering: fields.offering,
    preferChinaPresence: fields.preferChinaPresence,
    preferWuxiCoLocation: fields.preferWuxiCoLocation,
    preferredPartnerNetworks: fields.preferredPartnerNetworks,
    priority: fields.priority,
    deadline: fields.deadline?.slice(0, 10) ?? null,
    status: fields.status,
    weights: fields.weights ?? null,
    externalSource: fields.externalRef?.source ?? null,
    externalId: fields.externalRef?.id ?? null,
    unmappedTerms,
  };
  const changed = (Object.keys(next) as (keyof RdNeedEntity)[]).some((key) => !isDeepStrictEqual(need[key], next[key]));
  Object.assign(need, next);
  return changed;
};

export const rdNeedFieldsOf = (need: RdNeedEntity): RdNeedFields => {
  const {
    id: _id,
    version: _version,
    createdAt: _c,
    updatedAt: _u,
    unmappedTerms: _m,
    ...fields
  } = toRdNeedResponse(need);
  return fields;
};
