import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ALGORITHM_VERSION, compareMatches, scorePair, topKForNeed } from '#engine';
import { TOPICS, type CompanyProfileUpsertedV1, type EventEnvelope, type RdNeedUpsertedV1 } from '#contracts';
import { OutboxWriter } from '#common';
import { ProjectionsRepository } from '../projections/projections.repository.js';
import { MATCHING_CONFIG, type MatchingConfig } from '../matching.config.js';
import { toCompanyProfile, toNeedProfile } from './engine-profiles.js';
import { diffShortlist, isEmptyDiff } from './shortlist-diff.js';
import { ShortlistsRepository, type ShortlistRow } from './shortlists.repository.js';

const ranked = (rows: readonly Omit<ShortlistRow, 'rank'>[]): ShortlistRow[] =>
  rows.map((row, index) => ({ ...row, rank: index + 1 }));

/**
 * Keeps every open need's top-k shortlist current as companies and needs change, writing only the rows
 * that changed and publishing `ShortlistUpdated` through the outbox when a shortlist changed.
 */
@Injectable()
export class ShortlistsService {
  constructor(
    private readonly projections: ProjectionsRepository,
    private readonly shortlists: ShortlistsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
  ) {}

  /** Scores one need against every active company and replaces its shortlist. */
  async rescoreNeed(manager: EntityManager, need: RdNeedUpsertedV1, cause?: EventEnvelope): Promise<void> {
    const companies = (await this.projections.activeCompanies(manager)).map(toCompanyProfile);
    const top = topKForNeed(toNeedProfile(need), companies, this.config.shortlistSize).filter(
      (match) => match.score > 0,
    );
    await this.write(manager, need.id, ranked(top), cause);
  }

  /** A closed need leaves the market: its whole shortlist goes. */
  async clearNeed(manager: EntityManager, needId: string, cause?: EventEnvelope): Promise<void> {
    await this.write(manager, needId, [], cause);
  }

  /**
   * Scores one changed company against every open need. A need's shortlist changes only where the company
   * enters, moves or leaves; if it sinks within a full list, someone outside may now deserve its place, so
   * that need is rescored in full.
   */
  async rescoreCompany(
    manager: EntityManager,
    company: CompanyProfileUpsertedV1,
    cause?: EventEnvelope,
  ): Promise<void> {
    const needs = await this.projections.openNeeds(manager);
    const current = await this.shortlists.forNeeds(
      manager,
      needs.map((need) => need.id),
    );
    const profile = toCompanyProfile(company);
    for (const need of needs) {
      const previous = current.get(need.id) ?? [];
      const result = scorePair(toNeedProfile(need), profile);
      const candidate = { companyId: company.id, score: result.score, eligible: result.eligible };
      const before = previous.find((row) => row.companyId === company.id);
      if (before && previous.length >= this.config.shortlistSize && compareMatches(candidate, before) > 0) {
        await this.rescoreNeed(manager, need, cause);
        continue;
      }
      const others = previous.filter((row) => row.companyId !== company.id);
      const next = (candidate.score > 0 ? [...others, candidate] : others)
        .sort(compareMatches)
        .slice(0, this.config.shortlistSize);
      await this.write(manager, need.id, ranked(next), cause, previous);
    }
  }

  /** A deleted company leaves every shortlist; the needs it was on are rescored so the next in line moves up. */
  async removeCompany(manager: EntityManager, companyId: string, cause?: EventEnvelope): Promise<void> {
    const needIds = new Set(await this.shortlists.needsListing(manager, companyId));
    for (const need of await this.projections.openNeeds(manager)) {
      if (needIds.has(need.id)) await this.rescoreNeed(manager, need, cause);
    }
  }

  private async write(
    manager: EntityManager,
    needId: string,
    next: ShortlistRow[],
    cause?: EventEnvelope,
    known?: readonly ShortlistRow[],
  ): Promise<void> {
    const previous = known ?? (await this.shortlists.forNeeds(manager, [needId])).get(needId) ?? [];
    const diff = diffShortlist(previous, next);
    if (isEmptyDiff(diff)) return;
    const computedAt = new Date();
    await this.shortlists.applyChanges(
      manager,
      needId,
      diff.upserts,
      diff.removed.map((change) => change.companyId),
      ALGORITHM_VERSION,
      computedAt,
    );
    await this.outbox.enqueue(manager, [
      {
        topic: TOPICS.matchingResults,
        type: 'ShortlistUpdated',
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
      },
    ]);
  }
}
