import type { Vocabulary, VocabularyName, VocabularyTerm } from '../vocabulary/vocabulary.types.js';
import { DRUG_STAGES } from '../vocabulary/development-stages.fixture.js';
import { createEngineVocabulary, type EngineVocabulary, type EngineVocabularyName } from './engine-vocabulary.js';
import type { CriterionName } from './criterion-weights.js';
import type { CompanyProfile, NeedProfile } from './match-profile.types.js';
import type { CriterionScore, MatchResult } from './match-result.types.js';
import { unstatedCompanyOfferings, unstatedNeedPreferences } from './unstated-profile.js';

type TermSpec = readonly [id: string, parent?: string, rank?: number];

function vocabulary(name: VocabularyName, specs: readonly TermSpec[], ordered = false): Vocabulary {
  const terms: VocabularyTerm[] = specs.map(([id, parent, rank]) => ({
    id,
    label: id
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' '),
    labelZh: '',
    synonyms: [],
    ...(parent === undefined ? {} : { parent }),
    ...(rank === undefined ? {} : { rank }),
  }));
  return { name, version: 'fixture-1', hierarchical: specs.some(([, parent]) => parent !== undefined), ordered, terms };
}

/** Small hierarchies with every shape the scorer cares about: depth, siblings, an ordered stage scale. */
export const FIXTURE_VOCABULARIES: Readonly<Record<EngineVocabularyName, Vocabulary>> = {
  sectors: vocabulary('sectors', [
    ['therapeutics'],
    ['medical-devices'],
    ['diagnostics'],
    ['digital-health'],
    ['services'],
  ]),
  therapeuticAreas: vocabulary('therapeuticAreas', [
    ['oncology'],
    ['solid-tumours', 'oncology'],
    ['lung-cancer', 'solid-tumours'],
    ['nsclc', 'lung-cancer'],
    ['egfr-nsclc', 'nsclc'],
    ['sclc', 'lung-cancer'],
    ['breast-cancer', 'solid-tumours'],
    ['haematological-cancers', 'oncology'],
    ['leukaemia', 'haematological-cancers'],
    ['cardiovascular'],
    ['heart-failure', 'cardiovascular'],
    ['hypertension', 'cardiovascular'],
    ['respiratory'],
    ['asthma', 'respiratory'],
    ['copd', 'respiratory'],
    ['neuroscience'],
    ['alzheimers', 'neuroscience'],
    ['parkinsons', 'neuroscience'],
    ['immunology'],
    ['rheumatoid-arthritis', 'immunology'],
    ['metabolism'],
    ['diabetes', 'metabolism'],
    ['obesity', 'metabolism'],
    ['renal'],
    ['ckd', 'renal'],
  ]),
  targets: vocabulary('targets', [
    ['egfr'],
    ['egfr-t790m', 'egfr'],
    ['kras'],
    ['kras-g12c', 'kras'],
    ['kras-g12d', 'kras'],
    ['pd-1'],
    ['pd-l1'],
    ['her2'],
  ]),
  modalities: vocabulary('modalities', [
    ['small-molecule'],
    ['biologics'],
    ['antibody', 'biologics'],
    ['adc', 'antibody'],
    ['cell-therapy'],
    ['car-t', 'cell-therapy'],
    ['gene-therapy'],
    ['oligonucleotide'],
    ['sirna', 'oligonucleotide'],
    ['device'],
    ['diagnostic-assay'],
    ['software'],
  ]),
  developmentStages: vocabulary(
    'developmentStages',
    [
      ...DRUG_STAGES.map((id, index): TermSpec => [id, undefined, index + 1]),
      ...DRUG_STAGES.map((_, index): TermSpec => [`trl-${index + 1}`, undefined, index + 1]),
    ],
    true,
  ),
  capabilities: vocabulary('capabilities', [
    ['manufacturing'],
    ['gmp-manufacturing', 'manufacturing'],
    ['biologics-gmp-manufacturing', 'gmp-manufacturing'],
    ['glp-toxicology'],
    ['medicinal-chemistry'],
    ['assay-development'],
    ['clinical-operations'],
    ['regulatory-affairs'],
    ['companion-diagnostics'],
    ['bioinformatics'],
    ['animal-models'],
    ['imaging'],
  ]),
  collaborationTypes: vocabulary('collaborationTypes', [
    ['licensing'],
    ['co-development'],
    ['research-collaboration'],
    ['academic-collaboration', 'research-collaboration'],
    ['fee-for-service'],
    ['investment'],
  ]),
  offerings: vocabulary('offerings', [
    ['funding'],
    ['grant-funding', 'funding'],
    ['equity-funding', 'funding'],
    ['compound-library'],
    ['clinical-network'],
    ['mentoring'],
    ['lab-space'],
    ['data-access'],
  ]),
  partnerNetworks: vocabulary('partnerNetworks', [
    ['az-bioventurehub'],
    ['az-ican'],
    ['az-ican-china', 'az-ican'],
    ['az-open-innovation'],
  ]),
};

let fixture: EngineVocabulary | undefined;

export function fixtureVocabulary(): EngineVocabulary {
  fixture ??= createEngineVocabulary(FIXTURE_VOCABULARIES, 'fixture-1');
  return fixture;
}

/** A company with nothing but an id; tests add what their scenario is about. */
export function aCompany(overrides: Partial<CompanyProfile> = {}): CompanyProfile {
  return {
    id: 'company',
    sectors: [],
    therapeuticAreas: [],
    modalities: [],
    developmentStages: [],
    ...unstatedCompanyOfferings(),
    ...overrides,
  };
}

export function aNeed(overrides: Partial<NeedProfile> = {}): NeedProfile {
  return {
    id: 'need',
    therapeuticAreas: [],
    modalities: [],
    stages: [],
    ...unstatedNeedPreferences(),
    ...overrides,
  };
}

export function criterionOf(result: MatchResult, criterion: CriterionName): CriterionScore {
  const found = result.breakdown.find((entry) => entry.criterion === criterion);
  if (found === undefined) throw new Error(`No ${criterion} in the breakdown.`);
  return found;
}
