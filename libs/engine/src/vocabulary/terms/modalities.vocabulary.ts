import data from '../../../data/modalities.json' with { type: 'json' };
import type { Vocabulary } from '../vocabulary.types.js';

/** What a product is made of or how it acts; parents group modalities that share chemistry and manufacturing. */
export const MODALITIES: Vocabulary = data as Vocabulary;
