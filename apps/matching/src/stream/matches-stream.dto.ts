import { IsOptional, IsUUID, MaxLength } from 'class-validator';

export class MatchesStreamQuery {
  /** Only this need's changes; every need's when absent. */
  @IsOptional()
  @IsUUID()
  needId?: string;

  /** Resume after this event id (as `Last-Event-ID` does). */
  @IsOptional()
  @MaxLength(100)
  lastEventId?: string;
}
