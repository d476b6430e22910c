import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RematchScope } from '#contracts';

export const REMATCH_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type RematchStatus = (typeof REMATCH_STATUSES)[number];

/** Where a job's time went, in milliseconds. */
export interface RematchTimings {
  loadMs?: number;
  compileMs?: number;
  scoreMs?: number;
  persistMs?: number;
  totalMs?: number;
}

@Entity({ name: 'rematch_job' })
export class RematchJobEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  scope!: RematchScope;

  @Column({ name: 'target_id', type: 'uuid', nullable: true })
  targetId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ type: 'text' })
  status!: RematchStatus;

  @Column({ name: 'cancel_requested', type: 'boolean', default: false })
  cancelRequested!: boolean;

  @Column({ name: 'progress_done', type: 'int', default: 0 })
  progressDone!: number;

  @Column({ name: 'progress_total', type: 'int', default: 0 })
  progressTotal!: number;

  @Column({ name: 'shortlists_changed', type: 'int', default: 0 })
  shortlistsChanged!: number;

  @Column({ name: 'rows_written', type: 'int', default: 0 })
  rowsWritten!: number;

  @Column({ name: 'events_published', type: 'int', default: 0 })
  eventsPublished!: number;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'algorithm_version', type: 'text' })
  algorithmVersion!: string;

  @Column({ type: 'jsonb', default: {} })
  timings!: RematchTimings;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
