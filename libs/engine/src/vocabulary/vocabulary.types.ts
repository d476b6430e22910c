export type VocabularyName =
  | 'therapeuticAreas'
  | 'modalities'
  | 'developmentStages'
  | 'sectors'
  | 'organisationTypes'
  | 'capabilities'
  | 'collaborationTypes'
  | 'offerings'
  | 'partnerNetworks'
  | 'targets';

export interface VocabularyTerm {
  readonly id: string;
  readonly label: string;
  /** Empty for terms generated from an ontology or gene list that has no Chinese name for them. */
  readonly labelZh: string;
  readonly synonyms: readonly string[];
  /** Names an ontology gives as only related ("depression" for depressive disorder): trusted less than synonyms. */
  readonly relatedSynonyms?: readonly string[];
  readonly parent?: string;
  /**
   * Other ids that name this term and are accepted wherever an id is: the ontology ids a curated term stands for
   * (`DOID:3908` for `non-small-cell-lung-cancer`) and ids the ontology retired in favour of this one.
   */
  readonly aliases?: readonly string[];
  /** Identifiers in public ontologies, prefixed: `MESH:D002289`, `MONDO:0005233`. */
  readonly xrefs?: readonly string[];
  /** Position in an ordered vocabulary; larger is further along. */
  readonly rank?: number;
}

export interface Vocabulary {
  readonly name: VocabularyName;
  readonly version: string;
  readonly hierarchical: boolean;
  readonly ordered: boolean;
  readonly terms: readonly VocabularyTerm[];
}

export interface TermSuggestion {
  id: string;
  label: string;
  score: number;
}

export type TermResolution =
  | {
      readonly input: string;
      readonly resolved: true;
      readonly id: string;
      readonly label: string;
      readonly labelZh: string;
      /** 1 for an exact id, label or synonym; lower when qualifiers, word order or spelling had to be repaired. */
      readonly confidence: number;
    }
  | { readonly input: string; readonly resolved: false; readonly suggestions: readonly TermSuggestion[] };

export type UnresolvedTerm = Extract<TermResolution, { readonly resolved: false }>;
