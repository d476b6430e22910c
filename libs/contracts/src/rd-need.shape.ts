import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsDisplayText } from './display-text.js';
import { ExternalRef } from './company-profile.shape.js';
import { IsTermList } from './limits.js';

export const NEED_PRIORITIES = ['low', 'medium', 'high'] as const;
export type NeedPriority = (typeof NEED_PRIORITIES)[number];
export const NEED_STATUSES = ['open', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/**
 * The writable fields of an R&D need, shared by REST bodies and events. `targets` came later: optional on input
 * (absent means `[]`, except that a PATCH without it keeps what is stored), always present in responses and
 * `RdNeedUpserted` from then on.
 */
export class RdNeedFields {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsDisplayText()
  title!: string;

  @IsString()
  @MaxLength(4000)
  @IsDisplayText({ multiline: true })
  description!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsDisplayText()
  owner!: string;

  @IsTermList()
  therapeuticAreas!: string[];

  /** Targets vocabulary (HGNC symbols); therapeutic-area terms that name a target ("EGFR-mutant NSCLC") add it. */
  @IsOptional()
  @IsTermList()
  targets?: string[];

  @IsTermList()
  modalities!: string[];

  @IsTermList()
  stages!: string[];

  @IsTermList()
  sectors!: string[];

  @IsTermList()
  mustHave!: string[];

  @IsTermList()
  niceToHave!: string[];

  @IsTermList()
  collaborationTypes!: string[];

  @IsTermList()
  offering!: string[];

  @IsBoolean()
  preferChinaPresence!: boolean;

  @IsBoolean()
  preferWuxiCoLocation!: boolean;

  @IsTermList()
  preferredPartnerNetworks!: string[];

  @IsIn(NEED_PRIORITIES)
  priority!: NeedPriority;

  @IsOptional()
  @IsISO8601({ strict: true })
  deadline?: string;

  @IsIn(NEED_STATUSES)
  status!: NeedStatus;

  @IsOptional()
  @IsObject()
  weights?: Record<string, number>;

  @IsOptional()
  @ValidateNested()
  @Type(() => ExternalRef)
  externalRef?: ExternalRef;
}
