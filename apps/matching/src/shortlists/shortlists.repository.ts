import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MatchDecision } from '#contracts';
import { DecisionEntity } from '../decisions/decision.entity.js';
import { CompanyProjectionEntity } from '../projections/company-projection.entity.js';
import { ShortlistEntryEntity } from './shortlist-entry.entity.js';

export interface ShortlistRow {
  readonly companyId: string;
  readonly rank: number;
  readonly score: number;
  readonly eligible: boolean;
}

export interface ShortlistFilter {
  readonly limit: number;
  readonly offset: number;
  readonly minScore?: number;
  readonly sector?: string;
  readonly country?: string;
  readonly decision?: MatchDecision | 'none';
}

export interface VersionedShortlistRow extends ShortlistRow {
  readonly algorithmVersion: string;
}

export interface ShortlistChange {
  readonly needId: string;
  readonly upserts: readonly ShortlistRow[];
  readonly removedCompanyIds: readonly string[];
}

/** Rows per statement: keeps parameter arrays well inside Postgres limits and statements short. */
const CHUNK = 5_000;

export interface StoredShortlistRow extends ShortlistRow {
  readonly needId: string;
  readonly algorithmVersion: string;
  readonly computedAt: Date;
}

@Injectable()
export class ShortlistsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Makes the caller's transaction the only one changing shortlists until it ends. A shortlist is read, re-ranked and
   * diffed, then written: two transactions doing that at once for one need (two partitions' batches, a decision, a
   * rematch chunk) would each write a diff against a list the other had changed. Taking it again in the same
   * transaction is free.
   */
  async lockForUpdate(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('matching.shortlists'))`);
  }

  /**
   * Takes the next shortlist generation; call it holding {@link lockForUpdate}, so no other process takes one until
   * this transaction ends. Values are never given twice, even by transactions that roll back.
   */
  async nextGeneration(manager: EntityManager): Promise<number> {
    const [row] = await manager.query<{ generation: string }[]>(
      `SELECT nextval('matching.shortlist_generation') AS generation`,
    );
    return Number(row!.generation);
  }

  /** Current shortlists of the given needs, ranked; raw SQL because a full rematch reads every row at once. */
  async forNeeds(manager: EntityManager, needIds: readonly string[]): Promise<Map<string, VersionedShortlistRow[]>> {
    const byNeed = new Map<string, VersionedShortlistRow[]>(needIds.map((id) => [id, []]));
    if (needIds.length === 0) return byNeed;
    const rows = await manager.query<
      {
        need_id: string;
        company_id: string;
        rank: number;
        score: number;
        eligible: boolean;
        algorithm_version: string;
      }[]
    >(
      `SELECT need_id, company_id, rank, score, eligible, algorithm_version FROM matching.shortlist_entry
       WHERE need_id = ANY($1::uuid[]) ORDER BY need_id, rank`,
      [needIds],
    );
    for (const row of rows) {
      byNeed.get(row.need_id)?.push({
        companyId: row.company_id,
        rank: row.rank,
        score: row.score,
        eligible: row.eligible,
        algorithmVersion: row.algorithm_version,
      });
    }
    return byNeed;
  }

  /** One page of a need's shortlist in rank order, filtered on score, the company's sector and country, decision. */
  async page(needId: string, filter: ShortlistFilter): Promise<[StoredShortlistRow[], number]> {
    const builder = this.dataSource
      .getRepository(ShortlistEntryEntity)
      .createQueryBuilder('entry')
      .innerJoin(CompanyProjectionEntity, 'company', 'company.id = entry.companyId')
      .leftJoin(DecisionEntity, 'decision', 'decision.needId = entry.needId AND decision.companyId = entry.companyId')
      .where('entry.need_id = :needId', { needId });
    if (filter.minScore !== undefined) builder.andWhere('entry.score >= :minScore', { minScore: filter.minScore });
    if (filter.country) builder.andWhere('company.country = :country', { country: filter.country.toUpperCase() });
    if (filter.sector) {
      builder.andWhere(`company.profile -> 'sectors' ? :sector`, { sector: filter.sector });
    }
    if (filter.decision === 'none') builder.andWhere('decision.decision IS NULL');
    else if (filter.decision) builder.andWhere('decision.decision = :decision', { decision: filter.decision });
    return builder.orderBy('entry.rank', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
  }

  async madeByOtherVersion(algorithmVersion: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM matching.shortlist_entry WHERE algorithm_version <> $1 LIMIT 1',
      [algorithmVersion],
    );
    return rows.length > 0;
  }

  async entry(needId: string, companyId: string): Promise<StoredShortlistRow | null> {
    return this.dataSource.getRepository(ShortlistEntryEntity).findOneBy({ needId, companyId });
  }

  /**
   * Writes only what changed, for any number of needs in two statements: the companies that left are deleted, new
   * and moved rows upserted (UNNEST, no per-row round trips). Returns the rows written.
   */
  async applyChanges(
    manager: EntityManager,
    changes: readonly ShortlistChange[],
    algorithmVersion: string,
    computedAt: Date,
  ): Promise<number> {
    const removed = changes.flatMap((change) =>
      change.removedCompanyIds.map((companyId) => [change.needId, companyId]),
    );
    const upserts = changes.flatMap((change) => change.upserts.map((row) => ({ needId: change.needId, ...row })));
    for (let start = 0; start < removed.length; start += CHUNK) {
      const chunk = removed.slice(start, start + CHUNK);
      await manager.query(
        `DELETE FROM matching.shortlist_entry e USING unnest($1::uuid[], $2::uuid[]) AS r(need_id, company_id)
         WHERE e.need_id = r.need_id AND e.company_id = r.company_id`,
        [chunk.map(([needId]) => needId), chunk.map(([, companyId]) => companyId)],
      );
    }
    for (let start = 0; start < upserts.length; start += CHUNK) {
      const chunk = upserts.slice(start, start + CHUNK);
      await manager.query(
        `INSERT INTO matching.shortlist_entry (need_id, company_id, rank, score, eligible, algorithm_version, computed_at)
         SELECT n, c, r, s, e, $6, $7
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::float8[], $5::bool[]) AS t(n, c, r, s, e)
         ON CONFLICT (need_id, company_id) DO UPDATE SET rank = EXCLUDED.rank, score = EXCLUDED.score,
           eligible = EXCLUDED.eligible, algorithm_version = EXCLUDED.algorithm_version, computed_at = EXCLUDED.computed_at`,
        [
          chunk.map((row) => row.needId),
          chunk.map((row) => row.companyId),
          chunk.map((row) => row.rank),
          chunk.map((row) => row.score),
          chunk.map((row) => row.eligible),
          algorithmVersion,
          computedAt,
        ],
      );
    }
    return removed.length + upserts.length;
  }
}
