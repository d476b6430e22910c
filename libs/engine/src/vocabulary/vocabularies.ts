import { CAPABILITIES } from './terms/capabilities.vocabulary.js';
import { COLLABORATION_TYPES } from './terms/collaboration-types.vocabulary.js';
import { DEVELOPMENT_STAGES } from './terms/development-stages.vocabulary.js';
import { MODALITIES } from './terms/modalities.vocabulary.js';
import { OFFERINGS } from './terms/offerings.vocabulary.js';
import { ORGANISATION_TYPES } from './terms/organisation-types.vocabulary.js';
import { PARTNER_NETWORKS } from './terms/partner-networks.vocabulary.js';
import { SECTORS } from './terms/sectors.vocabulary.js';
import { TARGETS } from './terms/targets.vocabulary.js';
import { THERAPEUTIC_AREAS } from './terms/therapeutic-areas.vocabulary.js';
import type { Vocabulary, VocabularyName } from './vocabulary.types.js';

/** Release of the vocabulary set as a whole; each vocabulary carries its own version, bumped when its terms change. */
export const VOCABULARY_VERSION = '2026.12.2';

export const VOCABULARIES: Readonly<Record<VocabularyName, Vocabulary>> = {
  therapeuticAreas: THERAPEUTIC_AREAS,
  modalities: MODALITIES,
  developmentStages: DEVELOPMENT_STAGES,
  sectors: SECTORS,
  organisationTypes: ORGANISATION_TYPES,
  capabilities: CAPABILITIES,
  collaborationTypes: COLLABORATION_TYPES,
  offerings: OFFERINGS,
  partnerNetworks: PARTNER_NETWORKS,
  targets: TARGETS,
};

export const VOCABULARY_NAMES = Object.keys(VOCABULARIES) as readonly VocabularyName[];
