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

/**
 * Reasons only admins may read. A decision with one of them keeps its reason and its note off every channel
 * dashboards read: REST answers for non-admins and `matching.results.v1`.
 */
export const ADMIN_ONLY_DECISION_REASONS = ['competitor-conflict'] as const satisfies readonly MatchDecisionReason[];
export type AdminOnlyDecisionReason = (typeof ADMIN_ONLY_DECISION_REASONS)[number];
export type PublishedDecisionReason = Exclude<MatchDecisionReason, AdminOnlyDecisionReason>;
export const PUBLISHED_DECISION_REASONS = MATCH_DECISION_REASONS.filter(
  (reason): reason is PublishedDecisionReason => !(ADMIN_ONLY_DECISION_REASONS as readonly string[]).includes(reason),
);

/**
 * `MatchDecisionRecorded` on `matching.results.v1` (key = need id): a partnering team's decision on one pair, as
 * dashboards may see it: a decision whose reason is admin-only is published without its reason and note.
 */
export class MatchDecisionRecordedV1 {
  @IsUUID()
  needId!: string;

  @IsUUID()
  companyId!: string;

  @IsIn(MATCH_DECISIONS)
  decision!: MatchDecision;

  @IsOptional()
  @IsIn(PUBLISHED_DECISION_REASONS)
  reason?: PublishedDecisionReason;

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
