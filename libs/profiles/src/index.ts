export * from './profiles/profile-columns.entity.js';
export * from './profiles/versioned-profile.service.js';
export * from './profiles/versioned.repository.js';
export * from './taxonomy/profile-terms.js';
export * from './taxonomy/taxonomy.module.js';
export { warmVocabularyIndexes } from './taxonomy/taxonomy.service.js';
