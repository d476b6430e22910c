import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The largest offset a query may ask for: Postgres' `integer`, far beyond any list we hold. */
export const MAX_PAGE_OFFSET = 2_147_483_647;

/** `?limit&offset` for list endpoints. */
export class PageQuery {
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
  @Max(MAX_PAGE_OFFSET)
  offset = 0;
}

/** A page of profiles, optionally those of one partner source or one partner record (`externalRef`). */
export class ProfileListQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  source?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalId?: string;
}
