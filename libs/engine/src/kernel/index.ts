export { compileCompanies } from './company-compiler.js';
export { compileNeeds } from './need-compiler.js';
export type { PackedCompanies, PackedNeed, PackedNeeds } from './packed-profiles.js';
export type { RankingStats } from './top-k-kernel.js';
export { topKPerNeed, type TopKOptions } from './top-k-per-need.js';
