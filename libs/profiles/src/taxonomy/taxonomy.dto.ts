import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { VOCABULARY_NAMES, type TermSuggestion, type VocabularyName } from '#engine';

/**
 * Resolving costs CPU on the request's thread, growing with the number and length of the terms (200 terms of 200
 * characters took 1.5 s): a request stays within about a quarter of a second, and the longest labels and synonyms
 * of the vocabularies (99.9 % are under 110 characters) still fit.
 */
export const MAX_TERMS_PER_RESOLVE = 50;
export const MAX_RESOLVE_TERM_LENGTH = 120;

/** `POST /taxonomy/resolve`: free text to resolve, against one vocabulary or, without `vocabulary`, against all. */
export class ResolveTermsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TERMS_PER_RESOLVE)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_RESOLVE_TERM_LENGTH, { each: true })
  terms!: string[];

  @IsOptional()
  @IsIn(VOCABULARY_NAMES)
  vocabulary?: VocabularyName;
}

export interface VocabularySummary {
  name: VocabularyName;
  version: string;
  hierarchical: boolean;
  ordered: boolean;
  termCount: number;
}

/** `GET /taxonomy`: every vocabulary and the release of the set as a whole. */
export interface TaxonomyCatalogue {
  vocabularyVersion: string;
  vocabularies: VocabularySummary[];
}

/** A term as the API answers it: absent optional parts are `null` or empty, so every term has the same shape. */
export interface TaxonomyTerm {
  id: string;
  label: string;
  labelZh: string;
  synonyms: string[];
  parent: string | null;
  xrefs: string[];
  rank: number | null;
}

/** `GET /taxonomy/:name`. */
export interface VocabularyDetail extends VocabularySummary {
  terms: TaxonomyTerm[];
}

export interface ResolvedTermResult {
  input: string;
  vocabulary: VocabularyName;
  resolved: true;
  id: string;
  label: string;
  labelZh: string;
  confidence: number;
}

export interface UnresolvedTermResult {
  input: string;
  /** The vocabulary the suggestions come from; `null` when no vocabulary has anything close. */
  vocabulary: VocabularyName | null;
  resolved: false;
  suggestions: TermSuggestion[];
}

export type TermResolutionResult = ResolvedTermResult | UnresolvedTermResult;

/** `POST /taxonomy/resolve`: one result per input, in input order. */
export interface ResolveTermsResponse {
  results: TermResolutionResult[];
}
