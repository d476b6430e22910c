import { intVar, readEnv, readServiceConfig, type ServiceConfig } from '#common';

export const MATCHING_CONFIG = Symbol('MATCHING_CONFIG');

export interface MatchingConfig extends ServiceConfig {
  /** How many companies each need's shortlist keeps. */
  readonly shortlistSize: number;
}

export const readMatchingConfig = (): MatchingConfig => ({
  ...readServiceConfig('MATCHING_PORT', 3003),
  ...readEnv({ shortlistSize: intVar('MATCHING_SHORTLIST_SIZE', 50) }),
});
