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

  /** A stream token from `POST /matches/stream/tokens`, for browsers (EventSource sends no Authorization header). */
  @IsOptional()
  @MaxLength(1000)
  access_token?: string;
}
