import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { REMATCH_SCOPES, type RematchScope } from '#contracts';
import type { RematchStatus, RematchTimings } from './rematch-job.entity.js';

export class RequestRematchDto {
  @IsIn(REMATCH_SCOPES)
  scope!: RematchScope;

  @ValidateIf((dto: RequestRematchDto) => dto.scope !== 'all')
  @IsUUID()
  id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ListRematchJobsQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
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
