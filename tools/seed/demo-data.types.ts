/** A drug candidate or platform of a demo company; term fields hold vocabulary ids. */
export interface DemoAsset {
  name: string;
  codes: string[];
  modality: string;
  stage: string;
  /** Targets vocabulary: HGNC symbols. */
  targets: string[];
  therapeuticAreas: string[];
}

/** A fictional park organisation; every vocabulary field holds vocabulary ids. */
export interface DemoCompany {
  /** Stable key for idempotent seeding, e.g. 'demo-co-001'. */
  externalId: string;
  name: string;
  organisationType: string;
  sectors: string[];
  /** ISO 3166-1 alpha-2. */
  country: string;
  city: string;
  description: string;
  therapeuticAreas: string[];
  /** Targets vocabulary: HGNC symbols; absent for most organisations. */
  targets?: string[];
  assets?: DemoAsset[];
  modalities: string[];
  developmentStages: string[];
  capabilities: string[];
  collaborationTypes: string[];
  /** Offerings vocabulary: what the company hopes to get from a partner. */
  seeking: string[];
  partnerNetworks: string[];
  chinaPresence: boolean;
  wuxiCoLocation: 'none' | 'interested' | 'planned' | 'resident';
  website?: string;
}

/** An R&D need as AstraZeneca might post it; every vocabulary field holds vocabulary ids. */
export interface DemoNeed {
  externalId: string;
  title: string;
  description: string;
  owner: string;
  therapeuticAreas: string[];
  /** Targets vocabulary: HGNC symbols. */
  targets?: string[];
  modalities: string[];
  /** The acceptable development-stage window. */
  stages: string[];
  sectors: string[];
  /** Capabilities a partner must have. */
  mustHave: string[];
  niceToHave: string[];
  collaborationTypes: string[];
  /** Offerings vocabulary: what AstraZeneca brings to the partnership. */
  offering: string[];
  preferChinaPresence: boolean;
  preferWuxiCoLocation: boolean;
  preferredPartnerNetworks: string[];
  priority: 'low' | 'medium' | 'high';
  /** ISO date. */
  deadline?: string;
}
