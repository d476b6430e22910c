import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The largest offset a query may ask for: Postgres' `integer`, far beyond any list we hold. */
export const MAX_PAGE_OFFSET = 2_147_483_647;

/** An optional whole-number query parameter from `min` to `max`, converted from the query string's text. */
export const IsIntegerParam =
  (min: number, max: number): PropertyDecorator =>
  (target, property) => {
    // Applied bottom first, as a written-out stack of them would be: the validators' metadata, and the OpenAPI
    // schema read from it, stay in that order.
    for (const decorator of [Max(max), Min(min), IsInt(), Type(() => Number), IsOptional()]) {
      decorator(target, property);
    }
  };

/** `?limit&offset` for list endpoints. */
export class PageQuery {
  @IsIntegerParam(1, 200)
  limit = 50;

  @IsIntegerParam(0, MAX_PAGE_OFFSET)
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
