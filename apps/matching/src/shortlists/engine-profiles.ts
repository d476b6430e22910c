import type { CompanyProfile, NeedProfile } from '#engine';
import type { CompanyProfileUpsertedV1, RdNeedUpsertedV1 } from '#contracts';

/*
 * The engine reads the events as they are: ids, plus the text it scores for lexical relevance. Projections keep each
 * payload as it arrived, so rows written before `targets` and `assets` existed lack them; the engine treats both as
 * optional. Weights were validated against its criteria when the need was written.
 */
export const toNeedProfile = (need: RdNeedUpsertedV1): NeedProfile => need;

export const toCompanyProfile = (company: CompanyProfileUpsertedV1): CompanyProfile => company;
