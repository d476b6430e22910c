import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RdNeedUpsertedV1 } from '#contracts';
import { ALGORITHM_VERSION } from '#engine';
import { Transactions, WakeableWait } from '#platform';
import { rematchJobDuration, rematchJobsFinished, scoringPairsPerSecond } from './rematch.metrics.js';
import { DecisionsRepository } from '../decisions/decisions.repository.js';
import { MATCHING_CONFIG, type MatchingConfig } from '../matching.config.js';
import { ProjectionsRepository } from '../projections/projections.repository.js';
import { ShortlistsRepository } from '../shortlists/shortlists.repository.js';
import { ShortlistsService } from '../shortlists/shortlists.service.js';
import type { RematchJobEntity, RematchTimings } from './rematch-job.entity.js';
import { RematchRepository } from './rematch.repository.js';

class JobCancelled extends Error {}

/**
 * Runs rematch jobs one at a time: claims the oldest runnable job with a lease, ranks with the engine's fast path,
 * writes changed shortlists in chunks and checkpoints after each. A job whose runner died is picked up again once its
 * lease lapses; writes are diffs against what is stored, so running a job twice changes nothing twice.
 */
@Injectable()
export class RematchRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RematchRunner.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly idle = new WakeableWait();

  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: RematchRepository,
    private readonly projections: ProjectionsRepository,
    private readonly shortlists: ShortlistsService,
    private readonly shortlistRows: ShortlistsRepository,
    private readonly decisions: DecisionsRepository,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queueRematchIfAlgorithmChanged();
    this.running = true;
    this.loop = this.run();
  }

  /** Shortlists made by another algorithm version (new weights, vocabulary or scoring code) make a full rematch due. */
  private async queueRematchIfAlgorithmChanged(): Promise<void> {
    if (!(await this.shortlistRows.madeByOtherVersion(ALGORITHM_VERSION))) return;
    const { job, created } = await this.jobs.requestJob(
      {
        scope: 'all',
        targetId: null,
        reason: `algorithm version changed to ${ALGORITHM_VERSION}`,
        requestedBy: 'system',
      },
      ALGORITHM_VERSION,
    );
    if (created) this.logger.log(`queued full rematch ${job.id}: shortlists were made by another algorithm version`);
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.idle.wake();
    await this.loop;
  }

  /** Called when a job was queued, so it starts without waiting for the next poll. */
  nudge(): void {
    this.idle.wake();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const job = await this.jobs.claimNext(this.config.rematchLeaseMs);
        if (job) {
          await this.execute(job);
          continue;
        }
      } catch (error) {
        this.logger.warn(`rematch runner: ${(error as Error).message}`);
      }
      await this.idle.wait(this.config.rematchPollMs);
    }
  }

  private async execute(job: RematchJobEntity): Promise<void> {
    const started = performance.now();
    const timings: RematchTimings = {};
    const trigger = job.requestedBy.split(':')[0] ?? 'unknown';
    this.logger.log(
      `rematch ${job.id} (${job.scope}${job.targetId ? ` ${job.targetId}` : ''}) attempt ${job.attempts}`,
    );
    try {
      if (job.scope === 'company') await this.rematchCompany(job);
      else await this.rematchNeeds(job, await this.needsInScope(job), timings);
      timings.totalMs = Math.round(performance.now() - started);
      await this.jobs.finish(job.id, 'completed', timings);
      rematchJobDuration.observe({ trigger }, timings.totalMs / 1000);
      rematchJobsFinished.inc({ trigger, outcome: 'completed' });
      this.logger.log(`rematch ${job.id} completed in ${timings.totalMs} ms ${JSON.stringify(timings)}`);
    } catch (error) {
      timings.totalMs = Math.round(performance.now() - started);
      if (error instanceof JobCancelled) {
        await this.jobs.finish(job.id, 'cancelled', timings);
        rematchJobsFinished.inc({ trigger, outcome: 'cancelled' });
      } else if (!this.running) {
        await this.jobs.release(job.id).catch(() => undefined);
      } else {
        this.logger.error(`rematch ${job.id} failed: ${(error as Error).message}`);
        await this.jobs.finish(job.id, 'failed', timings, (error as Error).message).catch(() => undefined);
        rematchJobsFinished.inc({ trigger, outcome: 'failed' });
      }
    }
  }

  private async needsInScope(job: RematchJobEntity): Promise<RdNeedUpsertedV1[]> {
    if (job.scope === 'all') return this.projections.openNeeds();
    const need = job.targetId ? await this.projections.openNeed(job.targetId) : null;
    if (!need) throw new Error(`need ${job.targetId} is not open or not known`);
    return [need];
  }

  /** One company against every open need: the same incremental path a profile change takes. */
  private async rematchCompany(job: RematchJobEntity): Promise<void> {
    const company = job.targetId ? await this.projections.activeCompany(job.targetId) : null;
    if (!company) throw new Error(`company ${job.targetId} is not known`);
    const cancelled = await this.transactions.run(async (manager) => {
      const written = await this.shortlists.rescoreCompany(manager, company);
      return this.jobs.checkpoint(manager, job.id, { done: 1, total: 1, ...written }, this.config.rematchLeaseMs);
    });
    if (cancelled) throw new JobCancelled();
  }

  private async rematchNeeds(job: RematchJobEntity, needs: RdNeedUpsertedV1[], timings: RematchTimings): Promise<void> {
    let mark = performance.now();
    const lap = (): number => {
      const now = performance.now();
      const elapsed = Math.round(now - mark);
      mark = now;
      return elapsed;
    };
    const needIds = needs.map((need) => need.id);
    const manager = this.transactions.untransacted;
    const [companies, declined] = await Promise.all([
      this.projections.activeCompanies(),
      this.decisions.declinedPairs(manager, job.scope === 'all' ? undefined : needIds),
    ]);
    timings.loadMs = lap();
    const ranking = await this.shortlists.rank(companies, needs, declined);
    timings.scoreMs = lap();
    if (timings.scoreMs > 0) scoringPairsPerSecond.set((companies.length * needs.length * 1000) / timings.scoreMs);

    const totals = { done: 0, total: needs.length, shortlistsChanged: 0, rowsWritten: 0, eventsPublished: 0 };
    for (let start = 0; start < needs.length || start === 0; start += this.config.rematchChunkNeeds) {
      const chunk = needIds.slice(start, start + this.config.rematchChunkNeeds);
      const cancelled = await this.transactions.run(async (transaction) => {
        const written = await this.shortlists.writeShortlists(
          transaction,
          new Map(chunk.map((id) => [id, ranking.get(id) ?? []])),
        );
        totals.done += chunk.length;
        totals.shortlistsChanged += written.shortlistsChanged;
        totals.rowsWritten += written.rowsWritten;
        totals.eventsPublished += written.eventsPublished;
        return this.jobs.checkpoint(transaction, job.id, totals, this.config.rematchLeaseMs);
      });
      if (cancelled) throw new JobCancelled();
      if (!this.running) throw new Error('shutting down');
      if (needs.length === 0) break;
      // Lets event handling and HTTP interleave with a long job on this event loop.
      await sleep(0);
    }
    timings.persistMs = lap();
  }
}
