import type { CompanyProfile, NeedProfile } from '#engine';
import type { CompanyProfileUpsertedV1, RdNeedUpsertedV1 } from '#contracts';

/** The engine sees ids only; weights were validated against its criteria when the need was written. */
export const toNeedProfile = (need: RdNeedUpsertedV1): NeedProfile => need;

export const toCompanyProfile = (company: CompanyProfileUpsertedV1): CompanyProfile => company;
