import { Injectable } from '@nestjs/common';
import { ALGORITHM_VERSION } from '#engine';
import { DomainError, NotFoundError } from '#platform';
import type { RematchScope } from '#contracts';
import { ProjectionsRepository } from '../projections/projections.repository.js';
import type { RematchJobEntity } from './rematch-job.entity.js';
import type { RematchJobView } from './rematch.dto.js';
import { RematchRepository } from './rematch.repository.js';
import { RematchRunner } from './rematch.runner.js';

export interface RematchInput {
  readonly scope: RematchScope;
  readonly id?: string;
  readonly reason?: string;
  readonly requestedBy: string;
}

const toView = (job: RematchJobEntity): RematchJobView => ({
  id: job.id,
  scope: job.scope,
  targetId: job.targetId,
  reason: job.reason,
  requestedBy: job.requestedBy,
  status: job.status,
  cancelRequested: job.cancelRequested,
  progress: { done: job.progressDone, total: job.progressTotal },
  shortlistsChanged: job.shortlistsChanged,
  rowsWritten: job.rowsWritten,
  eventsPublished: job.eventsPublished,
  attempts: job.attempts,
  algorithmVersion: job.algorithmVersion,
  timings: job.timings,
  error: job.error,
  createdAt: job.createdAt.toISOString(),
  startedAt: job.startedAt?.toISOString() ?? null,
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

@Injectable()
export class RematchService {
  constructor(
    private readonly jobs: RematchRepository,
    private readonly runner: RematchRunner,
    private readonly projections: ProjectionsRepository,
  ) {}

  /** A request over REST: one for a need or company matching does not hold (open, active) is a 404, not a job. */
  async requestKnown(input: RematchInput): Promise<{ job: RematchJobView; created: boolean }> {
    if (input.scope === 'need' && !(input.id && (await this.projections.openNeed(input.id)))) {
      throw new NotFoundError('RD_NEED.NOT_FOUND', `R&D need ${input.id ?? ''} not found`);
    }
    if (input.scope === 'company' && !(input.id && (await this.projections.activeCompany(input.id)))) {
      throw new NotFoundError('COMPANY.NOT_FOUND', `Company ${input.id ?? ''} not found`);
    }
    return this.request(input);
  }

  /** Queues a job, or returns the identical one already queued or running. */
  async request(input: RematchInput): Promise<{ job: RematchJobView; created: boolean }> {
    const { job, created } = await this.jobs.requestJob(
      {
        scope: input.scope,
        targetId: input.scope === 'all' ? null : (input.id ?? null),
        reason: input.reason ?? null,
        requestedBy: input.requestedBy,
      },
      ALGORITHM_VERSION,
    );
    if (created) this.runner.nudge();
    return { job: toView(job), created };
  }

  async get(id: string): Promise<RematchJobView> {
    const job = await this.jobs.find(id);
    if (!job) throw new NotFoundError('REMATCH.NOT_FOUND', `Rematch job ${id} not found`);
    return toView(job);
  }

  async recent(limit: number): Promise<RematchJobView[]> {
    return (await this.jobs.recent(limit)).map(toView);
  }

  async cancel(id: string): Promise<RematchJobView> {
    const job = await this.jobs.find(id);
    if (!job) throw new NotFoundError('REMATCH.NOT_FOUND', `Rematch job ${id} not found`);
    if (job.status !== 'queued' && job.status !== 'running') {
      throw new DomainError('REMATCH.FINISHED', `Rematch job ${id} is already ${job.status}`, 409);
    }
    return toView((await this.jobs.cancel(id)) ?? job);
  }
}
