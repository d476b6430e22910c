import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

export const MATCH_DECISIONS = ['shortlisted', 'accepted', 'declined'] as const;
export type MatchDecision = (typeof MATCH_DECISIONS)[number];
export const MATCH_DECISION_REASONS = [
  'too-early-stage',
  'not-relevant',
  'competitor-conflict',
  'capacity',
  'other',
] as const;
export type MatchDecisionReason = (typeof MATCH_DECISION_REASONS)[number];

/** `MatchDecisionRecorded` on `matching.results.v1` (key = need id): a partnering team's decision on one pair. */
export class MatchDecisionRecordedV1 {
  @IsUUID()
  needId!: string;

  @IsUUID()
  companyId!: string;

  @IsIn(MATCH_DECISIONS)
  decision!: MatchDecision;

  @IsOptional()
  @IsIn(MATCH_DECISION_REASONS)
  reason?: MatchDecisionReason;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  /** The company profile version the decision was made on; a decline lapses with a newer version. */
  @IsInt()
  @Min(1)
  companyVersion!: number;

  @IsString()
  decidedBy!: string;

  @IsISO8601()
  decidedAt!: string;
}
