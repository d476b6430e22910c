import type { GeneratedVocabulary, VocabularySources } from './vocabulary-builder.mjs';

export const DATA_DIRECTORY: URL;
export function loadVocabularySources(): VocabularySources;
export function serialiseVocabulary(vocabulary: GeneratedVocabulary): string;
