import type { CriterionWeights } from './criterion-weights.js';

export type WuxiCoLocation = 'none' | 'interested' | 'planned' | 'resident';

/** Something an organisation develops and partners around: a drug candidate, a platform, a device. */
export interface EngineAsset {
  readonly name: string;
  /** Asset codes and aliases ("AZD9291", "BI 764198"). */
  readonly codes?: readonly string[];
  readonly modality?: string;
  readonly stage?: string;
  readonly targets?: readonly string[];
  readonly therapeuticAreas?: readonly string[];
}

/** A park organisation as the engine sees it: vocabulary ids only, except `unmappedTerms`. */
export interface CompanyProfile {
  readonly id: string;
  readonly name?: string;
  /** What the organisation says about itself; scored by lexical relevance. */
  readonly description?: string;
  readonly sectors: readonly string[];
  readonly therapeuticAreas: readonly string[];
  /** Targets vocabulary: molecular targets and biomarkers. */
  readonly targets?: readonly string[];
  /** Their terms count as the company's own; their names and codes feed lexical relevance. */
  readonly assets?: readonly EngineAsset[];
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
  readonly title?: string;
  readonly description?: string;
  readonly therapeuticAreas: readonly string[];
  /** Targets vocabulary: molecular targets and biomarkers the need names. */
  readonly targets?: readonly string[];
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
