export * from './profiles/profile.definition.js';
export * from './profiles/profile.entity.js';
export * from './profiles/profile.repository.js';
export * from './profiles/profile.writer.js';
export * from './taxonomy/profile-terms.js';
export * from './taxonomy/taxonomy.module.js';
export { warmVocabularyIndexes } from './taxonomy/taxonomy.service.js';
