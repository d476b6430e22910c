import type { CompanyProfile } from './match-profile.types.js';

/**
 * A company's structured terms with those of its assets folded in: an organisation developing a KRAS G12C
 * inhibitor for NSCLC works on KRAS G12C and NSCLC whether or not its own lists say so. Both scoring paths start
 * from this, so they cannot disagree about what a company works on.
 */
export function withAssetTerms(company: CompanyProfile): CompanyProfile {
  const assets = company.assets ?? [];
  if (assets.length === 0) return company;
  const merged = (own: readonly string[] | undefined, fromAssets: (string | undefined)[]): string[] => [
    ...new Set([...(own ?? []), ...fromAssets.filter((id): id is string => id !== undefined && id !== '')]),
  ];
  return {
    ...company,
    therapeuticAreas: merged(
      company.therapeuticAreas,
      assets.flatMap((asset) => asset.therapeuticAreas ?? []),
    ),
    targets: merged(
      company.targets,
      assets.flatMap((asset) => asset.targets ?? []),
    ),
    modalities: merged(
      company.modalities,
      assets.map((asset) => asset.modality),
    ),
    developmentStages: merged(
      company.developmentStages,
      assets.map((asset) => asset.stage),
    ),
  };
}
