import { Type } from 'class-transformer';
import {
  IsArray,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';

export class ShortlistEntryChange {
  @IsUUID()
  companyId!: string;

  /** Rank after the change; absent for a removed entry. */
  @IsOptional()
  @IsInt()
  @Min(1)
  rank?: number;

  /** Rank before the change; absent for an added entry. */
  @IsOptional()
  @IsInt()
  @Min(1)
  previousRank?: number;

  @IsOptional()
  @IsNumber()
  score?: number;
}

/** `ShortlistUpdated` on `matching.results.v1` (key = need id): what changed in one need's ranked shortlist. */
export class ShortlistUpdatedV1 {
  @IsUUID()
  needId!: string;

  @IsString()
  algorithmVersion!: string;

  @IsISO8601()
  computedAt!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ShortlistEntryChange)
  added!: ShortlistEntryChange[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ShortlistEntryChange)
  removed!: ShortlistEntryChange[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ShortlistEntryChange)
  moved!: ShortlistEntryChange[];
}
