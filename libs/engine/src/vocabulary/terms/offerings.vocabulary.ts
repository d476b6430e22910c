import data from '../../../data/offerings.json' with { type: 'json' };
import type { Vocabulary } from '../vocabulary.types.js';

/** What a party brings to or wants from a collaboration; companies list what they seek, needs what AstraZeneca offers. */
export const OFFERINGS: Vocabulary = data as Vocabulary;
