import { RematchRequestedV1, type RematchScope } from '#contracts';
import { IsIntegerParam } from '#platform';
import type { RematchStatus, RematchTimings } from './rematch-job.entity.js';

/** `POST /admin/rematch`: the request `RematchRequested` carries. */
export class RequestRematchDto extends RematchRequestedV1 {}

export class ListRematchJobsQuery {
  @IsIntegerParam(1, 100)
  limit = 20;
}

export interface RematchJobView {
  id: string;
  scope: RematchScope;
  targetId: string | null;
  reason: string | null;
  requestedBy: string;
  status: RematchStatus;
  cancelRequested: boolean;
  progress: { done: number; total: number };
  shortlistsChanged: number;
  rowsWritten: number;
  eventsPublished: number;
  attempts: number;
  algorithmVersion: string;
  timings: RematchTimings;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
