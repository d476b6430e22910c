import { Injectable } from '@nestjs/common';
import { TOPICS, type RdNeedFields } from '#contracts';
import { inPartnerScope } from '#platform';
import { OutboxWriter } from '#messaging';
import { VersionedProfileService, type ProfileDefinition } from '#profiles';
import { RdNeedsRepository } from './rd-needs.repository.js';
import { RdNeedEntity } from './rd-need.entity.js';
import { RD_NEED_TERM_FIELDS, type ListRdNeedsQuery, type RdNeedPage, type RdNeedResponse } from './rd-need.dto.js';
import { applyRdNeedFields, rdNeedFieldsOf, toRdNeedResponse } from './rd-need.mapper.js';
import { validateWeights } from './weights.js';

const RD_NEED: ProfileDefinition<RdNeedEntity, RdNeedFields, RdNeedResponse> = {
  label: 'R&D need',
  code: 'RD_NEED',
  termFields: RD_NEED_TERM_FIELDS,
  newRow: () => new RdNeedEntity(),
  apply: applyRdNeedFields,
  fieldsOf: rdNeedFieldsOf,
  toResponse: toRdNeedResponse,
  validate: (fields) => validateWeights(fields.weights),
  // An open need is published whole; a closed one leaves the market.
  stored: (saved) =>
    saved.status === 'open'
      ? { topic: TOPICS.rdNeeds, type: 'RdNeedUpserted', key: saved.id, payload: saved, entityVersion: saved.version }
      : {
          topic: TOPICS.rdNeeds,
          type: 'RdNeedClosed',
          key: saved.id,
          payload: { id: saved.id, version: saved.version },
          entityVersion: saved.version,
        },
  removed: (id, version) => ({
    topic: TOPICS.rdNeeds,
    type: 'RdNeedClosed',
    key: id,
    payload: { id, version },
    entityVersion: version,
  }),
};

@Injectable()
export class RdNeedsService extends VersionedProfileService<RdNeedEntity, RdNeedFields, RdNeedResponse> {
  constructor(
    private readonly needs: RdNeedsRepository,
    outbox: OutboxWriter,
  ) {
    super(needs, outbox, RD_NEED);
  }

  /** `scope`: the partner source the caller is confined to (undefined: any source). */
  async list(query: ListRdNeedsQuery, scope?: string): Promise<RdNeedPage> {
    if (!inPartnerScope(query.source ?? scope, scope)) {
      return { items: [], total: 0, limit: query.limit, offset: query.offset };
    }
    const [needs, total] = await this.needs.list(scope === undefined ? query : { ...query, source: scope });
    return { items: needs.map(toRdNeedResponse), total, limit: query.limit, offset: query.offset };
  }
}
