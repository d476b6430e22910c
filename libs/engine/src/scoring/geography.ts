import type { CompanyProfile, WuxiCoLocation } from './match-profile.types.js';

export const WUXI_CO_LOCATIONS: readonly WuxiCoLocation[] = ['none', 'interested', 'planned', 'resident'];

/** Out of GEOGRAPHY_POINTS_SCALE: a plan is worth most of a residency, mere interest little. */
export const GEOGRAPHY_POINTS_SCALE = 4;
export const WUXI_CO_LOCATION_POINTS: Readonly<Record<WuxiCoLocation, number>> = {
  none: 0,
  interested: 1,
  planned: 3,
  resident: 4,
};

/** A park resident is in China whatever its profile says. */
export function hasChinaPresence(company: Pick<CompanyProfile, 'chinaPresence' | 'wuxiCoLocation'>): boolean {
  return company.chinaPresence || company.wuxiCoLocation === 'resident';
}

export interface GeographyPoints {
  readonly points: number;
  readonly outOf: number;
}

export function geographyPoints(
  preferChinaPresence: boolean,
  preferWuxiCoLocation: boolean,
  chinaPresence: boolean,
  wuxiCoLocation: WuxiCoLocation,
): GeographyPoints {
  let points = 0;
  let outOf = 0;
  if (preferChinaPresence) {
    points += chinaPresence ? GEOGRAPHY_POINTS_SCALE : 0;
    outOf += GEOGRAPHY_POINTS_SCALE;
  }
  if (preferWuxiCoLocation) {
    points += WUXI_CO_LOCATION_POINTS[wuxiCoLocation];
    outOf += GEOGRAPHY_POINTS_SCALE;
  }
  return { points, outOf };
}
