import data from '../../../data/capabilities.json' with { type: 'json' };
import type { Vocabulary } from '../vocabulary.types.js';

/** What an organisation can do, grouped by the stage of R&D it serves so a need for "translational science" credits organoids. */
export const CAPABILITIES: Vocabulary = data as Vocabulary;
