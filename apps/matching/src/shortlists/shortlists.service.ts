import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ALGORITHM_VERSION,
  compareMatches,
  companyDocument,
  compileCompanies,
  compileNeeds,
  defaultEngineVocabulary,
  planNeed,
  scorePlannedPair,
  topKPerNeed,
} from '#engine';
import { TOPICS, type CompanyProfileUpsertedV1, type EventEnvelope, type RdNeedUpsertedV1 } from '#contracts';
import { OutboxWriter } from '#messaging';
import { DecisionsRepository } from '../decisions/decisions.repository.js';
import { ProjectionsRepository } from '../projections/projections.repository.js';
import { MATCHING_CONFIG, type MatchingConfig } from '../matching.config.js';
import { toCompanyProfile, toNeedProfile } from './engine-profiles.js';
import { PopulationCorpus } from './population-corpus.js';
import { diffShortlist, isEmptyDiff } from './shortlist-diff.js';
import {
  ShortlistsRepository,
  type ShortlistChange,
  type ShortlistRow,
  type VersionedShortlistRow,
} from './shortlists.repository.js';

/**
 * Lexical relevance weighs words by how rare they are among the companies, so a score drifts as the population
 * changes. Up to FULL_RANKING_COMPANIES companies, ranking them all costs a company event little, and in a market
 * this small one company moves every word's rarity noticeably: so every company event ranks every open need in full
 * and shortlists equal a fresh ranking exactly. In a larger market one company moves rarities by about one part in
 * the population, and stored scores lag a fresh ranking until the next rematch.
 */
export const FULL_RANKING_COMPANIES = 50;

const ranked = (rows: readonly Omit<ShortlistRow, 'rank'>[]): ShortlistRow[] =>
  rows.map((row, index) => ({ companyId: row.companyId, score: row.score, eligible: row.eligible, rank: index + 1 }));

export interface ShortlistWriteResult {
  readonly shortlistsChanged: number;
  readonly rowsWritten: number;
  readonly eventsPublished: number;
}

/**
 * Keeps every open need's top-k shortlist current as companies, needs and decisions change, writing only the rows
 * that changed and publishing `ShortlistUpdated` through the outbox for every shortlist that changed.
 */
@Injectable()
export class ShortlistsService {
  constructor(
    private readonly projections: ProjectionsRepository,
    private readonly shortlists: ShortlistsRepository,
    private readonly decisions: DecisionsRepository,
    private readonly outbox: OutboxWriter,
    private readonly population: PopulationCorpus,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
  ) {}

  /**
   * The fast path: ranks `needs` against `companies` with the packed kernel. Pairs with a standing decline and
   * zero scores are left out; the kernel is asked for enough extra places to make up for the declines.
   */
  async rank(
    companies: readonly CompanyProfileUpsertedV1[],
    needs: readonly RdNeedUpsertedV1[],
    declined: ReadonlyMap<string, ReadonlySet<string>>,
  ): Promise<Map<string, ShortlistRow[]>> {
    const size = this.config.shortlistSize;
    const extra = Math.max(0, ...needs.map((need) => declined.get(need.id)?.size ?? 0));
    const packed = compileCompanies(companies.map(toCompanyProfile));
    const top = await topKPerNeed(
      packed,
      compileNeeds(needs.map(toNeedProfile), undefined, packed.corpus),
      size + extra,
    );
    return new Map(
      needs.map((need) => {
        const excluded = declined.get(need.id);
        const kept = (top.get(need.id) ?? []).filter((match) => match.score > 0 && !excluded?.has(match.companyId));
        return [need.id, ranked(kept.slice(0, size))];
      }),
    );
  }

  /** Scores one need against every active company and replaces its shortlist. */
  async rescoreNeed(manager: EntityManager, need: RdNeedUpsertedV1, cause?: EventEnvelope): Promise<void> {
    await this.shortlists.lockForUpdate(manager);
    const companies = await this.projections.activeCompanies(manager);
    const declined = await this.decisions.declinedPairs(manager, [need.id]);
    const next = (await this.rank(companies, [need], declined)).get(need.id) ?? [];
    await this.writeShortlists(manager, new Map([[need.id, next]]), cause);
  }

  /** A closed need leaves the market: its whole shortlist goes. */
  async clearNeed(manager: EntityManager, needId: string, cause?: EventEnvelope): Promise<void> {
    await this.shortlists.lockForUpdate(manager);
    await this.writeShortlists(manager, new Map([[needId, []]]), cause);
  }

  /**
   * Scores one changed company against every open need. A need's shortlist changes only where the company
   * enters, moves or leaves; if it sinks within a full list, someone outside may now deserve its place, so
   * that need is rescored in full. In a small market (FULL_RANKING_COMPANIES) every open need is.
   */
  async rescoreCompany(
    manager: EntityManager,
    company: CompanyProfileUpsertedV1,
    cause?: EventEnvelope,
  ): Promise<ShortlistWriteResult> {
    await this.shortlists.lockForUpdate(manager);
    const needs = await this.projections.openNeeds(manager);
    const current = await this.shortlists.forNeeds(
      manager,
      needs.map((need) => need.id),
    );
    const declined = await this.decisions.declinedPairs(manager);
    const profile = toCompanyProfile(company);
    const corpus = await this.population.current(manager);
    if (this.population.documentCount <= FULL_RANKING_COMPANIES && needs.length > 0) {
      const companies = await this.projections.activeCompanies(manager);
      const next = await this.rank(companies, needs, declined);
      return this.writeShortlists(manager, next, cause, current);
    }
    const vocab = defaultEngineVocabulary();
    // The company's words are the same against every need: tokenised once.
    const document = companyDocument(profile, vocab);
    const size = this.config.shortlistSize;
    const next = new Map<string, ShortlistRow[]>();
    const rescoreInFull: RdNeedUpsertedV1[] = [];
    for (const need of needs) {
      const previous = current.get(need.id) ?? [];
      const result = scorePlannedPair(planNeed(toNeedProfile(need), vocab, corpus), profile, vocab, document);
      const candidate = { companyId: company.id, score: result.score, eligible: result.eligible };
      const before = previous.find((row) => row.companyId === company.id);
      if (before && previous.length >= size && compareMatches(candidate, before) > 0) {
        rescoreInFull.push(need);
        continue;
      }
      const others = previous.filter((row) => row.companyId !== company.id);
      const enters = candidate.score > 0 && !declined.get(need.id)?.has(company.id);
      next.set(need.id, ranked((enters ? [...others, candidate] : others).sort(compareMatches).slice(0, size)));
    }
    if (rescoreInFull.length > 0) {
      const companies = await this.projections.activeCompanies(manager);
      for (const [needId, rows] of await this.rank(companies, rescoreInFull, declined)) next.set(needId, rows);
    }
    return this.writeShortlists(manager, next, cause, current);
  }

  /** A deleted company leaves every shortlist; the needs it was on are rescored so the next in line moves up. */
  async removeCompany(manager: EntityManager, companyId: string, cause?: EventEnvelope): Promise<void> {
    await this.shortlists.lockForUpdate(manager);
    const listing = new Set(await this.shortlists.needsListing(manager, companyId));
    const needs = (await this.projections.openNeeds(manager)).filter((need) => listing.has(need.id));
    if (needs.length === 0) return;
    const companies = await this.projections.activeCompanies(manager);
    const declined = await this.decisions.declinedPairs(
      manager,
      needs.map((need) => need.id),
    );
    await this.writeShortlists(manager, await this.rank(companies, needs, declined), cause);
  }

  /**
   * Diffs each need's new shortlist against the stored one and writes the differences in bulk, one `ShortlistUpdated`
   * per changed need. Rows made by another algorithm version are rewritten so every row names its producer.
   */
  async writeShortlists(
    manager: EntityManager,
    next: ReadonlyMap<string, readonly ShortlistRow[]>,
    cause?: EventEnvelope,
    known?: ReadonlyMap<string, readonly VersionedShortlistRow[]>,
  ): Promise<ShortlistWriteResult> {
    await this.shortlists.lockForUpdate(manager);
    const needIds = [...next.keys()];
    const current = known ?? (await this.shortlists.forNeeds(manager, needIds));
    const computedAt = new Date();
    const changes: ShortlistChange[] = [];
    const events = [];
    for (const [needId, rows] of next) {
      const previous = current.get(needId) ?? [];
      const diff = diffShortlist(previous, rows);
      const stale = previous.some((row) => row.algorithmVersion !== ALGORITHM_VERSION);
      if (isEmptyDiff(diff) && !stale) continue;
      changes.push({
        needId,
        upserts: stale ? rows : diff.upserts,
        removedCompanyIds: diff.removed.map((change) => change.companyId),
      });
      if (isEmptyDiff(diff)) continue;
      events.push({
        topic: TOPICS.matchingResults,
        type: 'ShortlistUpdated' as const,
        key: needId,
        payload: {
          needId,
          algorithmVersion: ALGORITHM_VERSION,
          computedAt: computedAt.toISOString(),
          added: diff.added,
          removed: diff.removed,
          moved: diff.moved,
        },
        correlationId: cause?.correlationId,
        causationId: cause?.eventId,
      });
    }
    const rowsWritten = await this.shortlists.applyChanges(manager, changes, ALGORITHM_VERSION, computedAt);
    await this.outbox.enqueue(manager, events);
    return { shortlistsChanged: events.length, rowsWritten, eventsPublished: events.length };
  }
}
