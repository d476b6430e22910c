import { IsOptional, IsUUID } from 'class-validator';

export class MatchesStreamQuery {
  /** Only this need's changes; every need's when absent. */
  @IsOptional()
  @IsUUID()
  needId?: string;
}
