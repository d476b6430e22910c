import { IsInt, IsUUID, Min } from 'class-validator';

/** `RdNeedClosed` on `rd-needs.needs.v1`: the need left the market (closed or deleted). */
export class RdNeedClosedV1 {
  @IsUUID()
  id!: string;

  @IsInt()
  @Min(1)
  version!: number;
}
