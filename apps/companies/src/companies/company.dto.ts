import { PartialType } from '@nestjs/swagger';
import { IsIn, IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';
import { CompanyProfileFields, type WuxiCoLocation } from '#contracts';
import { ProfileListQuery } from '#platform';

export class CreateCompanyDto extends CompanyProfileFields {}

/** A field left out keeps what is stored; `null` is refused for a required field (it cannot be stored). */
export class UpdateCompanyDto extends PartialType(CompanyProfileFields, { skipNullProperties: false }) {}

export class ListCompaniesQuery extends ProfileListQuery {
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  sector?: string;

  @IsOptional()
  @IsIn(['none', 'interested', 'planned', 'resident'])
  wuxiCoLocation?: WuxiCoLocation;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
