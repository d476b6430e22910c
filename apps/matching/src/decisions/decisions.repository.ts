import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DecisionEntity } from './decision.entity.js';

export interface Decline {
  readonly needId: string;
  readonly companyId: string;
  /** The company's profile version the decline was made on. */
  readonly companyVersion: number;
}

@Injectable()
export class DecisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async save(manager: EntityManager, decision: DecisionEntity): Promise<void> {
    await manager.getRepository(DecisionEntity).upsert(decision, ['needId', 'companyId']);
  }

  /** Every decline ever made, whether or not it still holds. */
  async declines(manager: EntityManager): Promise<Decline[]> {
    return manager.query<Decline[]>(
      `SELECT need_id AS "needId", company_id AS "companyId", company_version AS "companyVersion"
         FROM matching.decision WHERE decision = 'declined'`,
    );
  }

  /**
   * Declined pairs that still hold, per need: a decline lapses once the company publishes a newer profile version
   * than the one it was made on. `needIds` undefined means every need.
   */
  async declinedPairs(manager: EntityManager, needIds?: readonly string[]): Promise<Map<string, Set<string>>> {
    const rows = await manager.query<{ need_id: string; company_id: string }[]>(
      `SELECT d.need_id, d.company_id FROM matching.decision d
       JOIN matching.company_projection c ON c.id = d.company_id
       WHERE d.decision = 'declined' AND c.version <= d.company_version
         AND ($1::uuid[] IS NULL OR d.need_id = ANY($1::uuid[]))`,
      [needIds ?? null],
    );
    const byNeed = new Map<string, Set<string>>();
    for (const row of rows) {
      const companies = byNeed.get(row.need_id) ?? new Set<string>();
      companies.add(row.company_id);
      byNeed.set(row.need_id, companies);
    }
    return byNeed;
  }

  async forPairs(needId: string, companyIds: readonly string[]): Promise<Map<string, DecisionEntity>> {
    if (companyIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(DecisionEntity)
      .createQueryBuilder('decision')
      .where('decision.need_id = :needId AND decision.company_id = ANY(:companyIds)', { needId, companyIds })
      .getMany();
    return new Map(rows.map((row) => [row.companyId, row]));
  }
}
