import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { CompanyProfileUpsertedV1, RdNeedUpsertedV1 } from '#contracts';
import { CompanyProjectionEntity } from './company-projection.entity.js';
import { NeedProjectionEntity } from './need-projection.entity.js';

export interface CompanyChange {
  readonly id: string;
  readonly version: number;
  /** Null once the company is removed. */
  readonly profile: CompanyProfileUpsertedV1 | null;
}

/**
 * Matching's own copies of companies and needs, built from events. Every write is guarded by the entity
 * version, so a replayed or late older event changes nothing (it reports `false`).
 */
@Injectable()
export class ProjectionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsertCompany(manager: EntityManager, company: CompanyProfileUpsertedV1): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO matching.company_projection AS p (id, version, name, country, sectors, profile, removed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, NULL, now())
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name, country = EXCLUDED.country,
         sectors = EXCLUDED.sectors, profile = EXCLUDED.profile, removed_at = NULL, updated_at = now()
       WHERE p.version < EXCLUDED.version
       RETURNING id`,
      [company.id, company.version, company.name, company.country, company.sectors, company],
    );
    return rows.length > 0;
  }

  async removeCompany(manager: EntityManager, id: string, version: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO matching.company_projection AS p (id, version, name, profile, removed_at, updated_at)
       VALUES ($1, $2, '', NULL, now(), now())
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, profile = NULL, removed_at = now(), updated_at = now()
       WHERE p.version < EXCLUDED.version
       RETURNING id`,
      [id, version],
    );
    return rows.length > 0;
  }

  async upsertNeed(manager: EntityManager, need: RdNeedUpsertedV1): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO matching.need_projection AS p (id, version, title, open, profile, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title, open = EXCLUDED.open,
         profile = EXCLUDED.profile, updated_at = now()
       WHERE p.version < EXCLUDED.version
       RETURNING id`,
      [need.id, need.version, need.title, need.status === 'open', need],
    );
    return rows.length > 0;
  }

  async closeNeed(manager: EntityManager, id: string, version: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO matching.need_projection AS p (id, version, title, open, profile, updated_at)
       VALUES ($1, $2, '', false, NULL, now())
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, open = false, profile = NULL, updated_at = now()
       WHERE p.version < EXCLUDED.version
       RETURNING id`,
      [id, version],
    );
    return rows.length > 0;
  }

  async activeCompanies(manager: EntityManager = this.dataSource.manager): Promise<CompanyProfileUpsertedV1[]> {
    const rows = await manager.find(CompanyProjectionEntity, {
      select: { profile: true },
      where: { removedAt: IsNull() },
    });
    return rows.flatMap((row) => (row.profile ? [row.profile] : []));
  }

  async openNeeds(manager: EntityManager = this.dataSource.manager): Promise<RdNeedUpsertedV1[]> {
    const rows = await manager.find(NeedProjectionEntity, { select: { profile: true }, where: { open: true } });
    return rows.flatMap((row) => (row.profile ? [row.profile] : []));
  }

  /**
   * Companies written at or after `sinceMs` (database clock, epoch milliseconds), removed ones with a null profile,
   * and the latest write time seen; without `sinceMs`, every active company.
   */
  async companiesChangedSince(
    manager: EntityManager = this.dataSource.manager,
    sinceMs?: number,
  ): Promise<{ changes: CompanyChange[]; latestMs: number | undefined }> {
    const rows: { id: string; version: number; profile: CompanyProfileUpsertedV1 | null; written_ms: number }[] =
      await manager.query(
        `SELECT id, version, CASE WHEN removed_at IS NULL THEN profile END AS profile,
                (extract(epoch FROM updated_at) * 1000)::float8 AS written_ms
           FROM matching.company_projection
          WHERE ${sinceMs === undefined ? 'removed_at IS NULL' : 'updated_at >= to_timestamp($1::float8 / 1000)'}`,
        sinceMs === undefined ? [] : [sinceMs],
      );
    const latestMs = rows.length === 0 ? undefined : Math.max(...rows.map((row) => row.written_ms));
    return { changes: rows.map(({ id, version, profile }) => ({ id, version, profile })), latestMs };
  }

  async activeCompany(id: string): Promise<CompanyProfileUpsertedV1 | null> {
    const row = await this.dataSource.manager.findOneBy(CompanyProjectionEntity, { id, removedAt: IsNull() });
    return row?.profile ?? null;
  }

  async openNeed(id: string): Promise<RdNeedUpsertedV1 | null> {
    const row = await this.dataSource.manager.findOneBy(NeedProjectionEntity, { id, open: true });
    return row?.profile ?? null;
  }
}
