import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RdNeedUpsertedV1 } from '#contracts';

@Entity({ name: 'need_projection' })
export class NeedProjectionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'boolean' })
  open!: boolean;

  @Column({ type: 'jsonb', nullable: true })
  profile!: RdNeedUpsertedV1 | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
