import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MatchDecision, MatchDecisionReason } from '#contracts';

/** A partnering team's decision on one pair; a decline holds for the company profile version it was made on. */
@Entity({ name: 'decision' })
export class DecisionEntity {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' })
  needId!: string;

  @PrimaryColumn({ name: 'company_id', type: 'uuid' })
  companyId!: string;

  @Column({ type: 'text' })
  decision!: MatchDecision;

  @Column({ type: 'text', nullable: true })
  reason!: MatchDecisionReason | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'company_version', type: 'int' })
  companyVersion!: number;

  @Column({ name: 'decided_by', type: 'text' })
  decidedBy!: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}
