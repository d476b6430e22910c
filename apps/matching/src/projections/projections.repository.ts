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
         sectors = EXCLUDED.sectors, profile = EXCLUDED.profile, removed_at = NULL, updated_at = now(),
         change_xid = pg_current_xact_id()
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
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, profile = NULL, removed_at = now(), updated_at = now(),
         change_xid = pg_current_xact_id()
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
   * Companies written by transactions not yet visible at a previous read (`since`, the `readXmin` it returned), removed
   * ones with a null profile; without `since`, every active company. Only the rows `wanted` (by id and version) are
   * read in full, so a read repeated inside a long transaction costs little for rows already known. `readXmin` is the
   * oldest transaction this read could not see: every row written later or still uncommitted has a `change_xid` at
   * or above it.
   */
  async companiesChangedSince(
    manager: EntityManager = this.dataSource.manager,
    since?: string,
    wanted: (id: string, version: number) => boolean = () => true,
  ): Promise<{ changes: CompanyChange[]; readXmin: string }> {
    const versions: { id: string; version: number; read_xmin: string }[] = await manager.query(
      `SELECT c.id, c.version, s.read_xmin
         FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS read_xmin) s
         LEFT JOIN matching.company_projection c
           ON ${since === undefined ? 'c.removed_at IS NULL' : 'c.change_xid >= $1::xid8'}`,
      since === undefined ? [] : [since],
    );
    const readXmin = versions[0]!.read_xmin;
    const ids = versions.filter((row) => row.id !== null && wanted(row.id, row.version)).map((row) => row.id);
    if (ids.length === 0) return { changes: [], readXmin };
    const rows: CompanyChange[] = await manager.query(
      `SELECT id, version, CASE WHEN removed_at IS NULL THEN profile END AS profile
         FROM matching.company_projection WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return { changes: rows, readXmin };
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
