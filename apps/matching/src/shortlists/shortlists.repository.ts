import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ShortlistEntryEntity } from './shortlist-entry.entity.js';

export interface ShortlistRow {
  readonly companyId: string;
  readonly rank: number;
  readonly score: number;
  readonly eligible: boolean;
}

export interface StoredShortlistRow extends ShortlistRow {
  readonly needId: string;
  readonly algorithmVersion: string;
  readonly computedAt: Date;
}

@Injectable()
export class ShortlistsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async forNeeds(manager: EntityManager, needIds: readonly string[]): Promise<Map<string, StoredShortlistRow[]>> {
    const byNeed = new Map<string, StoredShortlistRow[]>(needIds.map((id) => [id, []]));
    if (needIds.length === 0) return byNeed;
    const rows = await manager
      .getRepository(ShortlistEntryEntity)
      .createQueryBuilder('entry')
      .where('entry.need_id = ANY(:needIds)', { needIds })
      .orderBy('entry.need_id')
      .addOrderBy('entry.rank')
      .getMany();
    for (const row of rows) byNeed.get(row.needId)?.push(row);
    return byNeed;
  }

  async page(needId: string, limit: number, offset: number): Promise<[StoredShortlistRow[], number]> {
    return this.dataSource
      .getRepository(ShortlistEntryEntity)
      .findAndCount({ where: { needId }, order: { rank: 'ASC' }, take: limit, skip: offset });
  }

  async entry(needId: string, companyId: string): Promise<StoredShortlistRow | null> {
    return this.dataSource.getRepository(ShortlistEntryEntity).findOneBy({ needId, companyId });
  }

  async needsListing(manager: EntityManager, companyId: string): Promise<string[]> {
    const rows = await manager
      .getRepository(ShortlistEntryEntity)
      .find({ select: { needId: true }, where: { companyId } });
    return rows.map((row) => row.needId);
  }

  /** Writes only what changed: deletes the companies that left, upserts new and moved rows in one statement. */
  async applyChanges(
    manager: EntityManager,
    needId: string,
    upserts: readonly ShortlistRow[],
    removedCompanyIds: readonly string[],
    algorithmVersion: string,
    computedAt: Date,
  ): Promise<void> {
    if (removedCompanyIds.length > 0) {
      await manager.query('DELETE FROM matching.shortlist_entry WHERE need_id = $1 AND company_id = ANY($2::uuid[])', [
        needId,
        removedCompanyIds,
      ]);
    }
    if (upserts.length === 0) return;
    await manager.query(
      `INSERT INTO matching.shortlist_entry (need_id, company_id, rank, score, eligible, algorithm_version, computed_at)
       SELECT $1, c, r, s, e, $6, $7
       FROM unnest($2::uuid[], $3::int[], $4::float8[], $5::bool[]) AS t(c, r, s, e)
       ON CONFLICT (need_id, company_id) DO UPDATE SET rank = EXCLUDED.rank, score = EXCLUDED.score,
         eligible = EXCLUDED.eligible, algorithm_version = EXCLUDED.algorithm_version, computed_at = EXCLUDED.computed_at`,
      [
        needId,
        upserts.map((row) => row.companyId),
        upserts.map((row) => row.rank),
        upserts.map((row) => row.score),
        upserts.map((row) => row.eligible),
        algorithmVersion,
        computedAt,
      ],
    );
  }
}
