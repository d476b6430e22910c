import type { DataSource } from 'typeorm';

/**
 * One batch of deletions each, every statement its own short transaction. `SKIP LOCKED` steps over rows another
 * transaction holds (the relay marking a batch published), so pruning never waits on the write path.
 */
export class RetentionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  /** Deletes up to `limit` outbox rows published before `cutoff`; a row not yet published is never touched. */
  async deletePublishedOutboxBatch(cutoff: Date, limit: number): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM "${this.schema}".outbox WHERE id IN (
         SELECT id FROM "${this.schema}".outbox
         WHERE published_at IS NOT NULL AND published_at < $1
         ORDER BY published_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [cutoff, limit],
    );
    return deleted;
  }

  /**
   * Deletes up to `limit` inbox rows processed before `cutoff`. `inbox_version` is not pruned: it is one row per
   * partner record, and it is what keeps an older partner version stale after any time.
   */
  async deleteInboxBatch(cutoff: Date, limit: number): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM "${this.schema}".inbox WHERE (consumer, event_id) IN (
         SELECT consumer, event_id FROM "${this.schema}".inbox
         WHERE processed_at < $1
         ORDER BY processed_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [cutoff, limit],
    );
    return deleted;
  }
}
