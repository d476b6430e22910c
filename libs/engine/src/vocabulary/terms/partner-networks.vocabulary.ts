import data from '../../../data/partner-networks.json' with { type: 'json' };
import type { Vocabulary } from '../vocabulary.types.js';

/** Networks through which organisations reach the park; Russian names are synonyms because Skolkovo exports send them. */
export const PARTNER_NETWORKS: Vocabulary = data as Vocabulary;
