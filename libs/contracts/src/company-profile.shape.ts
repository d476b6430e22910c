import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsTermList } from './limits.js';

export const WUXI_CO_LOCATIONS = ['none', 'interested', 'planned', 'resident'] as const;
export type WuxiCoLocation = (typeof WUXI_CO_LOCATIONS)[number];

export class ExternalRef {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  source!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id!: string;
}

/** The writable fields of an organisation profile, shared by REST bodies and events. */
export class CompanyProfileFields {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  organisationType!: string;

  @IsTermList()
  sectors!: string[];

  @IsISO31661Alpha2()
  country!: string;

  @IsString()
  @MaxLength(100)
  city!: string;

  @IsString()
  @MaxLength(4000)
  description!: string;

  @IsTermList()
  therapeuticAreas!: string[];

  @IsTermList()
  modalities!: string[];

  @IsTermList()
  developmentStages!: string[];

  @IsTermList()
  capabilities!: string[];

  @IsTermList()
  collaborationTypes!: string[];

  @IsTermList()
  seeking!: string[];

  @IsTermList()
  partnerNetworks!: string[];

  @IsBoolean()
  chinaPresence!: boolean;

  @IsIn(WUXI_CO_LOCATIONS)
  wuxiCoLocation!: WuxiCoLocation;

  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(500)
  website?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ExternalRef)
  externalRef?: ExternalRef;
}
