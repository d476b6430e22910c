import data from '../../../data/sectors.json' with { type: 'json' };
import type { Vocabulary } from '../vocabulary.types.js';

export const SECTORS: Vocabulary = data as Vocabulary;
