import { randomUUID } from 'node:crypto';
import type { CompanyProfileFields } from '#contracts';

/** A valid REST body for POST /companies: a focused NSCLC small-molecule biotech unless overridden. */
export const aCompany = (overrides: Partial<CompanyProfileFields> = {}): CompanyProfileFields => ({
  name: `Test Biotech ${randomUUID().slice(0, 8)}`,
  organisationType: 'biotech',
  sectors: ['therapeutics'],
  country: 'GB',
  city: 'Cambridge',
  description: 'Small-molecule kinase inhibitors for non-small cell lung cancer.',
  therapeuticAreas: ['non-small-cell-lung-cancer'],
  modalities: ['small-molecule'],
  developmentStages: ['preclinical'],
  capabilities: ['target-identification'],
  collaborationTypes: ['co-development'],
  seeking: ['funding'],
  partnerNetworks: ['uk-bioindustry-association'],
  chinaPresence: false,
  wuxiCoLocation: 'interested',
  ...overrides,
});

/** A colorectal-cancer in-vitro diagnostics developer on the technology-readiness scale. */
export const aDiagnosticsCompany = (overrides: Partial<CompanyProfileFields> = {}): CompanyProfileFields =>
  aCompany({
    name: `Test Diagnostics ${randomUUID().slice(0, 8)}`,
    organisationType: 'diagnostics-company',
    sectors: ['diagnostics'],
    description: 'Blood-based assays for early detection of colorectal cancer.',
    therapeuticAreas: ['colorectal-cancer'],
    modalities: ['in-vitro-diagnostic'],
    developmentStages: ['trl-5'],
    capabilities: ['liquid-biopsy'],
    collaborationTypes: ['co-development'],
    ...overrides,
  });
