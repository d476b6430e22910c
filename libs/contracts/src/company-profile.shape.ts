import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import { IsDisplayText } from './display-text.js';
import {
  IsTermList,
  MAX_ASSET_CODE_LENGTH,
  MAX_ASSETS_PER_COMPANY,
  MAX_CODES_PER_ASSET,
  MAX_TERM_LENGTH,
} from './limits.js';

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

/**
 * Something an organisation develops and partners around: a drug candidate, a platform, a device. Term fields are
 * resolved like a profile's (`assets[2].targets[0]` in errors). Absent lists are stored and published as `[]`.
 */
export class Asset {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsDisplayText()
  name!: string;

  /** Asset codes and aliases ("AZD9291", "BI 764198"). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CODES_PER_ASSET)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_ASSET_CODE_LENGTH, { each: true })
  codes?: string[];

  /** A modalities term. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TERM_LENGTH)
  modality?: string;

  /** A developmentStages term. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TERM_LENGTH)
  stage?: string;

  /** Targets vocabulary: molecular targets and biomarkers. */
  @IsOptional()
  @IsTermList()
  targets?: string[];

  @IsOptional()
  @IsTermList()
  therapeuticAreas?: string[];
}

/**
 * The writable fields of an organisation profile, shared by REST bodies and events. `targets` and `assets` came
 * later: optional on input (absent means `[]`, on POST, PUT and partner submissions alike; a PATCH without them
 * keeps what is stored), and always present in responses and `CompanyProfileUpserted` from then on.
 */
export class CompanyProfileFields {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsDisplayText()
  name!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsDisplayText()
  organisationType!: string;

  @IsTermList()
  sectors!: string[];

  @IsISO31661Alpha2()
  country!: string;

  @IsString()
  @MaxLength(100)
  @IsDisplayText()
  city!: string;

  @IsString()
  @MaxLength(4000)
  @IsDisplayText({ multiline: true })
  description!: string;

  @IsTermList()
  therapeuticAreas!: string[];

  /** Targets vocabulary (HGNC symbols); therapeutic-area terms that name a target ("EGFR-mutant NSCLC") add it. */
  @IsOptional()
  @IsTermList()
  targets?: string[];

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
  @IsArray()
  @ArrayMaxSize(MAX_ASSETS_PER_COMPANY)
  @ValidateNested({ each: true })
  @Type(() => Asset)
  assets?: Asset[];

  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(500)
  website?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ExternalRef)
  externalRef?: ExternalRef;
}
