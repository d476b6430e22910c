import data from '../../../data/collaboration-types.json' with { type: 'json' };
import type { Vocabulary } from '../vocabulary.types.js';

export const COLLABORATION_TYPES: Vocabulary = data as Vocabulary;
