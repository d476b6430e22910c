import { TOPICS, type RdNeedFields } from '#contracts';
import type { ProfileDefinition, ProfileWriter } from '#profiles';
import { RdNeedEntity } from './rd-need.entity.js';
import { validateWeights } from './weights.js';

/** An R&D need: each field once, with the vocabulary its terms resolve against and how it is stored. */
export const RD_NEED_PROFILE: ProfileDefinition<RdNeedFields, RdNeedEntity> = {
  label: 'R&D need',
  code: 'RD_NEED',
  entity: RdNeedEntity,
  fields: {
    title: {},
    description: {},
    owner: {},
    therapeuticAreas: { terms: 'therapeuticAreas' },
    targets: { terms: 'targets', absent: [] },
    modalities: { terms: 'modalities' },
    stages: { terms: 'developmentStages' },
    sectors: { terms: 'sectors' },
    mustHave: { terms: 'capabilities' },
    niceToHave: { terms: 'capabilities' },
    collaborationTypes: { terms: 'collaborationTypes' },
    offering: { terms: 'offerings' },
    preferChinaPresence: {},
    preferWuxiCoLocation: {},
    preferredPartnerNetworks: { terms: 'partnerNetworks' },
    priority: {},
    deadline: { absent: null, store: (deadline) => deadline.slice(0, 10) },
    status: {},
    weights: { absent: null },
  },
  check: (fields) => validateWeights(fields.weights),
  events: { topic: TOPICS.rdNeeds, stored: 'RdNeedUpserted', removed: 'RdNeedClosed' },
  // An open need is published whole; a closed one leaves the market.
  listed: (fields) => fields.status === 'open',
};

export type RdNeedWriter = ProfileWriter<RdNeedFields, RdNeedEntity>;
