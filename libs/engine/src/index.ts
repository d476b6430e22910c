export * from './kernel/index.js';
export * from './ranking/index.js';
export * from './scoring/index.js';
export * from './vocabulary/vocabulary.types.js';
export * from './vocabulary/vocabularies.js';
export * from './vocabulary/vocabulary-index.js';
export * from './vocabulary/condition-mentions.js';
export * from './vocabulary/resolve-terms.js';
