import { randomUUID } from 'node:crypto';
import type { RdNeedFields } from '#contracts';

/** A valid REST body for POST /needs: an oncology small-molecule need unless overridden. */
export const anRdNeed = (overrides: Partial<RdNeedFields> = {}): RdNeedFields => ({
  title: `Lung cancer small molecules ${randomUUID().slice(0, 8)}`,
  description: 'Seeking preclinical small-molecule programmes in lung cancer.',
  owner: 'AstraZeneca Oncology R&D',
  therapeuticAreas: ['lung-cancer'],
  modalities: ['small-molecule'],
  stages: ['lead-optimisation', 'preclinical', 'ind-enabling'],
  sectors: ['therapeutics'],
  mustHave: [],
  niceToHave: ['target-identification'],
  collaborationTypes: ['co-development'],
  offering: ['funding'],
  preferChinaPresence: false,
  preferWuxiCoLocation: true,
  preferredPartnerNetworks: ['uk-bioindustry-association'],
  priority: 'high',
  status: 'open',
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
