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
