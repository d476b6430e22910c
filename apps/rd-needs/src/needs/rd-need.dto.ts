import { PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  NEED_PRIORITIES,
  NEED_STATUSES,
  RdNeedFields,
  type NeedPriority,
  type NeedStatus,
  type RdNeedUpsertedV1,
} from '#contracts';
import { ProfileListQuery } from '#platform';

export class CreateRdNeedDto extends RdNeedFields {}

/** A field left out keeps what is stored; `null` is refused for a required field (it cannot be stored). */
export class UpdateRdNeedDto extends PartialType(RdNeedFields, { skipNullProperties: false }) {}

export class ListRdNeedsQuery extends ProfileListQuery {
  @IsOptional()
  @IsIn(NEED_STATUSES)
  status?: NeedStatus;

  @IsOptional()
  @IsIn(NEED_PRIORITIES)
  priority?: NeedPriority;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  therapeuticArea?: string;
}

/** An R&D need as the API answers it: the event payload, vocabulary fields as ids. */
export type RdNeedResponse = RdNeedUpsertedV1;

export interface RdNeedPage {
  items: RdNeedResponse[];
  total: number;
  limit: number;
  offset: number;
}
