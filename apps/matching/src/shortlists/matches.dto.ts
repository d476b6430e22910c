import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO31661Alpha2, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MATCH_DECISIONS, type MatchDecision } from '#contracts';

export class MatchesPageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  minScore?: number;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  sector?: string;

  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  /** A decision, or `none` for pairs nobody has decided on yet. */
  @IsOptional()
  @IsIn([...MATCH_DECISIONS, 'none'])
  decision?: MatchDecision | 'none';
}
