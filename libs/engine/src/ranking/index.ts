export { compareMatches, topKForCompany, topKForNeed, type RankedMatch, type RankedNeed } from './match-ranking.js';
