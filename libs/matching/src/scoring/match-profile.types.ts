import type { CriterionWeights } from './criterion-weights.js';

export type WuxiCoLocation = 'none' | 'interested' | 'planned' | 'resident';

/** A park organisation as the engine sees it: vocabulary ids only, except `unmappedTerms`. */
export interface CompanyProfile {
  readonly id: string;
  readonly sectors: readonly string[];
  readonly therapeuticAreas: readonly string[];
  readonly modalities: readonly string[];
  readonly developmentStages: readonly string[];
  readonly capabilities: readonly string[];
  readonly collaborationTypes: readonly string[];
  /** Offerings vocabulary: what the company hopes to get from a partner. */
  readonly seeking: readonly string[];
  readonly partnerNetworks: readonly string[];
  readonly chinaPresence: boolean;
  readonly wuxiCoLocation: WuxiCoLocation;
  /** Free-text terms the vocabulary could not resolve; they only feed text relevance. */
  readonly unmappedTerms?: readonly string[];
}

/** An R&D need as the engine sees it. */
export interface NeedProfile {
  readonly id: string;
  readonly therapeuticAreas: readonly string[];
  readonly modalities: readonly string[];
  /** The acceptable development-stage window. */
  readonly stages: readonly string[];
  readonly sectors: readonly string[];
  /** Capabilities a company must have to be eligible. */
  readonly mustHave: readonly string[];
  readonly niceToHave: readonly string[];
  readonly collaborationTypes: readonly string[];
  /** Offerings vocabulary: what the need's owner brings to the partnership. */
  readonly offering: readonly string[];
  readonly preferChinaPresence: boolean;
  readonly preferWuxiCoLocation: boolean;
  readonly preferredPartnerNetworks: readonly string[];
  readonly weights?: Partial<CriterionWeights>;
  readonly unmappedTerms?: readonly string[];
}
