import { Type } from 'class-transformer';
import { IsIn, IsISO31661Alpha2, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MATCH_DECISIONS, type MatchDecision } from '#contracts';
import type { Language } from '#engine';
import { PageQuery } from '#platform';
import { IsLanguageParam } from './response-language.js';

export class MatchesPageQuery extends PageQuery {
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

  /** The language of labels and explanations; `Accept-Language` when absent, else English. */
  @IsLanguageParam()
  lang?: Language;
}
