import { randomUUID } from 'node:crypto';
import { EXAMPLE_RD_NEED, type RdNeedFields } from '#contracts';

/** A valid REST body for POST /needs: the example oncology small-molecule need, titled afresh, unless overridden. */
export const anRdNeed = (overrides: Partial<RdNeedFields> = {}): RdNeedFields => ({
  ...structuredClone(EXAMPLE_RD_NEED),
  title: `Lung cancer small molecules ${randomUUID().slice(0, 8)}`,
  ...overrides,
});

/** A diagnostics need: colorectal-cancer in-vitro diagnostics at TRL 4–6. */
export const aDiagnosticsNeed = (overrides: Partial<RdNeedFields> = {}): RdNeedFields =>
  anRdNeed({
    title: `Colorectal cancer diagnostics ${randomUUID().slice(0, 8)}`,
    description: 'Seeking in-vitro diagnostics for colorectal cancer.',
    owner: 'AstraZeneca Precision Medicine',
    therapeuticAreas: ['colorectal-cancer'],
    modalities: ['in-vitro-diagnostic'],
    stages: ['trl-4', 'trl-5', 'trl-6'],
    sectors: ['diagnostics'],
    niceToHave: ['liquid-biopsy', 'biomarker-discovery', 'ivd-assay-development'],
    collaborationTypes: ['co-development', 'licensing'],
    ...overrides,
  });

/**
 * What leaves a need nothing in common with `aCompany()`: no term, and no word its description uses either (or
 * lexical relevance would find something in common).
 */
export const NOTHING_IN_COMMON_WITH_A_COMPANY: Partial<RdNeedFields> = {
  description: 'Dementia care pathways.',
  therapeuticAreas: ['alzheimers-disease'],
  modalities: ['gene-therapy'],
  stages: ['phase-3'],
  sectors: ['medical-devices'],
  niceToHave: [],
  collaborationTypes: ['licensing'],
  offering: [],
  preferWuxiCoLocation: false,
  preferredPartnerNetworks: [],
};
