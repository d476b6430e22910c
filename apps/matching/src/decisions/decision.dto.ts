import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  IsDisplayText,
  MATCH_DECISION_REASONS,
  MATCH_DECISIONS,
  type MatchDecision,
  type MatchDecisionReason,
} from '#contracts';

export class RecordDecisionDto {
  @IsIn(MATCH_DECISIONS)
  decision!: MatchDecision;

  @IsOptional()
  @IsIn(MATCH_DECISION_REASONS)
  reason?: MatchDecisionReason;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsDisplayText({ multiline: true })
  note?: string;
}

/** A decision as dashboards see it. */
export interface DecisionView {
  decision: MatchDecision;
  reason?: MatchDecisionReason;
  note?: string;
  decidedBy: string;
  decidedAt: string;
  companyVersion: number;
}
