import { Injectable } from '@nestjs/common';
import { inPartnerScope } from '#platform';
import { toStoredProfile } from '#profiles';
import { RdNeedsRepository } from './rd-needs.repository.js';
import type { ListRdNeedsQuery, RdNeedPage } from './rd-need.dto.js';
import { RD_NEED_PROFILE } from './rd-need.profile.js';

/** Lists R&D needs; writes and single reads go through the need's ProfileWriter. */
@Injectable()
export class RdNeedsService {
  constructor(private readonly needs: RdNeedsRepository) {}

  /** `scope`: the partner source the caller is confined to (undefined: any source). */
  async list(query: ListRdNeedsQuery, scope?: string): Promise<RdNeedPage> {
    if (!inPartnerScope(query.source ?? scope, scope)) {
      return { items: [], total: 0, limit: query.limit, offset: query.offset };
    }
    const [needs, total] = await this.needs.list(scope === undefined ? query : { ...query, source: scope });
    return {
      items: needs.map((need) => toStoredProfile(RD_NEED_PROFILE, need)),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
