import { randomUUID } from 'node:crypto';
import { EXAMPLE_COMPANY_PROFILE, type CompanyProfileFields } from '#contracts';

/** A valid REST body for POST /companies: the example NSCLC small-molecule biotech, named afresh, unless overridden. */
export const aCompany = (overrides: Partial<CompanyProfileFields> = {}): CompanyProfileFields => ({
  ...structuredClone(EXAMPLE_COMPANY_PROFILE),
  name: `Test Biotech ${randomUUID().slice(0, 8)}`,
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
