import { PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { NEED_PRIORITIES, NEED_STATUSES, RdNeedFields, type NeedPriority, type NeedStatus } from '#contracts';
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
