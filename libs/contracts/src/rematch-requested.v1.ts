import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

export const REMATCH_SCOPES = ['all', 'need', 'company'] as const;
export type RematchScope = (typeof REMATCH_SCOPES)[number];

/** `RematchRequested` on `matching.commands.v1`: the same request as `POST /admin/rematch`. */
export class RematchRequestedV1 {
  @IsIn(REMATCH_SCOPES)
  scope!: RematchScope;

  /** The need or company id; required unless the scope is `all`. */
  @ValidateIf((request: RematchRequestedV1) => request.scope !== 'all')
  @IsUUID()
  id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
