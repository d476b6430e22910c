import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ALGORITHM_VERSION,
  companyDocument,
  compileCompanies,
  compileNeeds,
  defaultEngineVocabulary,
  needQueryTerms,
  planNeed,
  scorePlannedPair,
  topKPerNeed,
  type EngineVocabulary,
  type LexicalCorpus,
  type NeedPlan,
  type NeedProfile,
  type QueryTerms,
} from '#engine';
import { TOPICS, type CompanyProfileUpsertedV1, type EventEnvelope, type RdNeedUpsertedV1 } from '#contracts';
import { OutboxWriter } from '#messaging';
import { MATCHING_CONFIG, type MatchingConfig } from '../matching.config.js';
import { toCompanyProfile, toNeedProfile } from './engine-profiles.js';
import { PopulationCorpus } from './population-corpus.js';
import { diffShortlist, isEmptyDiff } from './shortlist-diff.js';
import { ShortlistMemory } from './shortlist-memory.js';
import { placeCompany, ranked } from './shortlist-placement.js';
import { ShortlistsRepository, type ShortlistChange, type ShortlistRow } from './shortlists.repository.js';

/**
 * Lexical relevance weighs words by how rare they are among the companies, so a score drifts as the population
 * changes. Up to FULL_RANKING_COMPANIES companies, ranking them all costs a company event little, and in a market
 * this small one company moves every word's rarity noticeably: so every company event ranks every open need in full
 * and shortlists equal a fresh ranking exactly. In a larger market one company moves rarities by about one part in
 * the population, and stored scores lag a fresh ranking until the next rematch.
 */
export const FULL_RANKING_COMPANIES = 50;

export interface ShortlistWriteResult {
  readonly shortlistsChanged: number;
  readonly rowsWritten: number;
  readonly eventsPublished: number;
}

/**
 * Keeps every open need's top-k shortlist current as companies, needs and decisions change, writing only the rows
 * that changed and publishing `ShortlistUpdated` through the outbox for every shortlist that changed. It ranks
 * against memory (the population, the open needs, their shortlists and the declines), which the transaction it
 * is given keeps current as it commits.
 */
@Injectable()
export class ShortlistsService {
  /** Per need payload (memory keeps one object per need version), its engine profile and words. */
  private readonly needWords = new WeakMap<RdNeedUpsertedV1, { profile: NeedProfile; terms: QueryTerms }>();

  constructor(
    private readonly shortlists: ShortlistsRepository,
    private readonly memory: ShortlistMemory,
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
    await this.memory.enter(manager);
    this.memory.openNeed(need);
    await this.population.current(manager);
    const next = await this.rank(this.population.activeCompanies(), [need], this.declined([need.id]));
    await this.writeShortlists(manager, new Map([[need.id, next.get(need.id) ?? []]]), cause);
  }

  /** A closed need leaves the market: its whole shortlist goes. */
  async clearNeed(manager: EntityManager, needId: string, cause?: EventEnvelope): Promise<void> {
    await this.memory.enter(manager);
    await this.writeShortlists(manager, new Map([[needId, []]]), cause);
    this.memory.closeNeed(needId);
  }

  /** Records a decision on a pair in memory: a decline keeps the company off the need's shortlist. */
  async decide(manager: EntityManager, needId: string, companyId: string, declinedVersion: number | null) {
    await this.memory.enter(manager);
    this.memory.decide(needId, companyId, declinedVersion);
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
    await this.memory.enter(manager);
    const needs = this.memory.openNeeds();
    const corpus = await this.population.current(manager);
    const declined = this.declined(needs.map((need) => need.id));
    if (this.population.documentCount <= FULL_RANKING_COMPANIES && needs.length > 0) {
      return this.writeShortlists(manager, await this.rank(this.population.activeCompanies(), needs, declined), cause);
    }
    const profile = toCompanyProfile(company);
    const vocab = defaultEngineVocabulary();
    // The company's words are the same against every need: tokenised once.
    const document = companyDocument(profile, vocab);
    const size = this.config.shortlistSize;
    const next = new Map<string, ShortlistRow[]>();
    const rescoreInFull: RdNeedUpsertedV1[] = [];
    for (const need of needs) {
      const result = scorePlannedPair(this.plan(need, vocab, corpus), profile, vocab, document);
      const candidate = { companyId: company.id, score: result.score, eligible: result.eligible };
      const placed = placeCompany(
        this.memory.shortlist(need.id),
        candidate,
        declined.get(need.id)?.has(company.id) ?? false,
        size,
      );
      if (placed === 'rank-in-full') rescoreInFull.push(need);
      else next.set(need.id, placed);
    }
    if (rescoreInFull.length > 0) {
      const ranking = await this.rank(this.population.activeCompanies(), rescoreInFull, declined);
      for (const [needId, rows] of ranking) next.set(needId, rows);
    }
    return this.writeShortlists(manager, next, cause);
  }

  /** A deleted company leaves every shortlist; the needs it was on are rescored so the next in line moves up. */
  async removeCompany(manager: EntityManager, companyId: string, cause?: EventEnvelope): Promise<void> {
    await this.memory.enter(manager);
    const listing = new Set(this.memory.needsListing(companyId));
    const needs = this.memory.openNeeds().filter((need) => listing.has(need.id));
    if (needs.length === 0) return;
    await this.population.current(manager);
    const declined = this.declined(needs.map((need) => need.id));
    await this.writeShortlists(manager, await this.rank(this.population.activeCompanies(), needs, declined), cause);
  }

  /**
   * Diffs each need's new shortlist against the stored one and writes the differences in bulk, one `ShortlistUpdated`
   * per changed need. Rows made by another algorithm version are rewritten so every row names its producer.
   */
  async writeShortlists(
    manager: EntityManager,
    next: ReadonlyMap<string, readonly ShortlistRow[]>,
    cause?: EventEnvelope,
  ): Promise<ShortlistWriteResult> {
    await this.memory.enter(manager);
    const computedAt = new Date();
    const changes: ShortlistChange[] = [];
    const events = [];
    for (const [needId, rows] of next) {
      const previous = this.memory.shortlist(needId);
      const diff = diffShortlist(previous, rows);
      const stale = previous.some((row) => row.algorithmVersion !== ALGORITHM_VERSION);
      if (isEmptyDiff(diff) && !stale) continue;
      changes.push({
        needId,
        upserts: stale ? rows : diff.upserts,
        removedCompanyIds: diff.removed.map((change) => change.companyId),
      });
      this.memory.replaceShortlist(
        needId,
        rows.map((row) => ({ ...row, algorithmVersion: ALGORITHM_VERSION })),
      );
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

  /**
   * The need planned against the population as it is now. Its words are tokenised once per need version: only their
   * weights follow the population, so the plan equals a fresh `planNeed`.
   */
  private plan(need: RdNeedUpsertedV1, vocab: EngineVocabulary, corpus: LexicalCorpus): NeedPlan {
    let known = this.needWords.get(need);
    if (known === undefined) {
      const profile = toNeedProfile(need);
      known = { profile, terms: needQueryTerms(profile, vocab) };
      this.needWords.set(need, known);
    }
    return planNeed(known.profile, vocab, corpus, known.terms);
  }

  private declined(needIds: readonly string[]): Map<string, Set<string>> {
    return this.memory.declined(needIds, (companyId) => this.population.versionOf(companyId));
  }
}
