import type { CompanyProfile, NeedProfile } from './match-profile.types.js';

/** A profile's fields as fresh values a caller may fill in or pass on (contract payloads hold mutable lists). */
type WritableFields<Profile, Field extends keyof Profile> = {
  -readonly [Key in Field]: Profile[Key] extends readonly (infer Term)[] ? Term[] : Profile[Key];
};

type CompanyOfferingField =
  'capabilities' | 'collaborationTypes' | 'seeking' | 'partnerNetworks' | 'chinaPresence' | 'wuxiCoLocation';

type NeedPreferenceField =
  | 'sectors'
  | 'mustHave'
  | 'niceToHave'
  | 'collaborationTypes'
  | 'offering'
  | 'preferChinaPresence'
  | 'preferWuxiCoLocation'
  | 'preferredPartnerNetworks';

/**
 * What the engine reads when a company says nothing of what it offers partners: no capabilities, deal types, wishes
 * or networks, no presence in China or Wuxi: the criteria that read them find nothing to credit, and a need's
 * must-haves leave it ineligible.
 */
export function unstatedCompanyOfferings(): WritableFields<CompanyProfile, CompanyOfferingField> {
  return {
    capabilities: [],
    collaborationTypes: [],
    seeking: [],
    partnerNetworks: [],
    chinaPresence: false,
    wuxiCoLocation: 'none',
  };
}

/**
 * What the engine reads when a need says nothing of the partner it prefers: no sectors, capabilities, deal types,
 * offering, networks or place: the criteria that read them do not apply to its pairs (`planNeed`).
 */
export function unstatedNeedPreferences(): WritableFields<NeedProfile, NeedPreferenceField> {
  return {
    sectors: [],
    mustHave: [],
    niceToHave: [],
    collaborationTypes: [],
    offering: [],
    preferChinaPresence: false,
    preferWuxiCoLocation: false,
    preferredPartnerNetworks: [],
  };
}
