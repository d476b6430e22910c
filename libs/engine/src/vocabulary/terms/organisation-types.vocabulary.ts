import data from '../../../data/organisation-types.json' with { type: 'json' };
import type { Vocabulary } from '../vocabulary.types.js';

export const ORGANISATION_TYPES: Vocabulary = data as Vocabulary;
