import type { Vocabulary } from '../../libs/engine/src/vocabulary/vocabulary.types.js';

export interface GeneratedVocabulary extends Vocabulary {
  readonly source: Readonly<Record<string, string>>;
}

export interface VocabularySources {
  readonly oboTexts: readonly string[];
  readonly curatedAreas: unknown;
  readonly curatedCommonConditions?: unknown;
  readonly curatedTargets: unknown;
}

export const DOID_RELEASE: string;
export function buildTherapeuticAreas(oboTexts: readonly string[], curated: unknown): GeneratedVocabulary;
export function withCommonConditions(curatedAreas: unknown, commonConditions: unknown): unknown;
export function buildTargets(curated: unknown): GeneratedVocabulary;
export function buildVocabulary(sources: VocabularySources): Readonly<Record<string, GeneratedVocabulary>>;
