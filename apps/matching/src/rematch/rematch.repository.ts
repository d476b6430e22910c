import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { RematchScope } from '#contracts';
import { RematchJobEntity, type RematchTimings } from './rematch-job.entity.js';

export interface RematchRequest {
  readonly scope: RematchScope;
  readonly targetId: string | null;
  readonly reason: string | null;
  readonly requestedBy: string;
}

@Injectable()
export class RematchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates a queued job unless an identical one (same scope and target) is queued or running, which is returned
   * instead. A transaction-scoped advisory lock serialises concurrent identical requests.
   */
  async requestJob(
    request: RematchRequest,
    algorithmVersion: string,
  ): Promise<{ job: RematchJobEntity; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `rematch:${request.scope}:${request.targetId}`,
      ]);
      const repository = manager.getRepository(RematchJobEntity);
      const existing = await repository.findOne({
        where: {
          scope: request.scope,
          targetId: request.targetId === null ? IsNull() : request.targetId,
          status: In(['queued', 'running']),
        },
        order: { createdAt: 'ASC' },
      });
      if (existing) return { job: existing, created: false };
      const job = repository.create({
        id: randomUUID(),
        ...request,
        status: 'queued',
        algorithmVersion,
        createdAt: new Date(),
        timings: {},
      });
      await repository.insert(job);
      return { job: await repository.findOneByOrFail({ id: job.id }), created: true };
    });
  }

  find(id: string): Promise<RematchJobEntity | null> {
    return this.dataSource.getRepository(RematchJobEntity).findOneBy({ id });
  }

  recent(limit: number): Promise<RematchJobEntity[]> {
    return this.dataSource.getRepository(RematchJobEntity).find({ order: { createdAt: 'DESC' }, take: limit });
  }

  /** Queued jobs are cancelled at once; a running one is asked to stop at its next checkpoint. */
  async cancel(id: string): Promise<RematchJobEntity | null> {
    await this.dataSource.query(
      `UPDATE matching.rematch_job SET
         status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
         finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END,
         cancel_requested = status IN ('queued', 'running')
       WHERE id = $1`,
      [id],
    );
    return this.find(id);
  }

  /**
   * Claims the oldest runnable job: queued, or running with a lapsed lease (its runner died). Returns null when
   * there is none.
   */
  async claimNext(leaseMs: number): Promise<RematchJobEntity | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE matching.rematch_job SET status = 'running', attempts = attempts + 1,
         started_at = coalesce(started_at, now()), lease_until = now() + $1 * interval '1 millisecond',
         progress_done = 0, shortlists_changed = 0, rows_written = 0, events_published = 0
       WHERE id = (
         SELECT id FROM matching.rematch_job
         WHERE status = 'queued' OR (status = 'running' AND lease_until < now())
         ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING id`,
      [leaseMs],
    );
    const id = rows[0]?.id;
    return id ? this.find(id) : null;
  }

  /** Records progress and renews the lease, in the caller's transaction; returns whether cancellation was asked. */
  async checkpoint(
    manager: EntityManager,
    id: string,
    progress: { done: number; total: number; shortlistsChanged: number; rowsWritten: number; eventsPublished: number },
    leaseMs: number,
  ): Promise<boolean> {
    const [rows] = await manager.query<[{ cancel_requested: boolean }[], number]>(
      `UPDATE matching.rematch_job SET progress_done = $2, progress_total = $3, shortlists_changed = $4,
         rows_written = $5, events_published = $6, lease_until = now() + $7 * interval '1 millisecond'
       WHERE id = $1 RETURNING cancel_requested`,
      [
        id,
        progress.done,
        progress.total,
        progress.shortlistsChanged,
        progress.rowsWritten,
        progress.eventsPublished,
        leaseMs,
      ],
    );
    return rows[0]?.cancel_requested ?? true;
  }

  async finish(
    id: string,
    status: 'completed' | 'failed' | 'cancelled',
    timings: RematchTimings,
    error?: string,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE matching.rematch_job SET status = $2, timings = $3, error = $4, finished_at = now(), lease_until = NULL
       WHERE id = $1`,
      [id, status, timings, error ?? null],
    );
  }

  /** Gives a job back to the queue when this instance shuts down in the middle of it. */
  async release(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE matching.rematch_job SET status = 'queued', lease_until = NULL WHERE id = $1 AND status = 'running'`,
      [id],
    );
  }
}
