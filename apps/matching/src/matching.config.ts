import { intVar, readEnv, readServiceConfig, type ServiceConfig } from '#platform';

export const MATCHING_CONFIG = Symbol('MATCHING_CONFIG');

export interface MatchingConfig extends ServiceConfig {
  /** How many companies each need's shortlist keeps. */
  readonly shortlistSize: number;
  /** How long a claimed rematch job stays ours without a checkpoint before another runner may take it over. */
  readonly rematchLeaseMs: number;
  /** How often an idle runner looks for queued jobs (requests on this instance wake it at once). */
  readonly rematchPollMs: number;
  /** Needs written per transaction (one checkpoint each) by a rematch job. */
  readonly rematchChunkNeeds: number;
}

export const readMatchingConfig = (): MatchingConfig => ({
  ...readServiceConfig('MATCHING_PORT', 3003),
  ...readEnv({
    shortlistSize: intVar('MATCHING_SHORTLIST_SIZE', 50),
    rematchLeaseMs: intVar('MATCHING_REMATCH_LEASE_MS', 15_000),
    rematchPollMs: intVar('MATCHING_REMATCH_POLL_MS', 1_000),
    rematchChunkNeeds: intVar('MATCHING_REMATCH_CHUNK_NEEDS', 100),
  }),
});
