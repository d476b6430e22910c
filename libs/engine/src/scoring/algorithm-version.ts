import { VOCABULARY_VERSION } from '../vocabulary/vocabularies.js';
import { BM25_B, BM25_K1, LEXICAL_QUANTUM, LEXICAL_SHARE_SHAPE } from './bm25.js';
import { DEFAULT_WEIGHTS } from './criterion-weights.js';
import { GEOGRAPHY_POINTS_SCALE, WUXI_CO_LOCATION_POINTS } from './geography.js';
import { MUST_HAVE_POINTS, NICE_TO_HAVE_POINTS } from './pair-scorer.js';
import { COMPANY_FIELD_WEIGHTS } from './lexical-relevance.js';
import { fnv1aHex } from './stable-hash.js';
import { HierarchyCredit, STAGE_CREDIT_BY_DISTANCE } from './term-relations.js';

/**
 * Bump on any change to scoring code that can change a score or an order. Weights, credits and the vocabulary
 * version are hashed in below, so changing those changes the version without a bump.
 */
const ENGINE_REVISION = 'pm-2.2.0';

/** Stored with every shortlist, so a result can be traced to the scoring that produced it. */
export const ALGORITHM_VERSION = `${ENGINE_REVISION}+${fnv1aHex(
  JSON.stringify({
    weights: DEFAULT_WEIGHTS,
    hierarchy: HierarchyCredit,
    stage: STAGE_CREDIT_BY_DISTANCE,
    geography: [GEOGRAPHY_POINTS_SCALE, WUXI_CO_LOCATION_POINTS],
    capability: [MUST_HAVE_POINTS, NICE_TO_HAVE_POINTS],
    vocabulary: VOCABULARY_VERSION,
    lexical: [BM25_K1, BM25_B, LEXICAL_QUANTUM, LEXICAL_SHARE_SHAPE, COMPANY_FIELD_WEIGHTS],
  }),
)}`;
