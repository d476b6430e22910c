import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CompanyProfileUpsertedV1 } from '#contracts';

@Entity({ name: 'company_projection' })
export class CompanyProjectionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'char', length: 2, nullable: true })
  country!: string | null;

  @Column({ type: 'text', array: true })
  sectors!: string[];

  @Column({ type: 'jsonb', nullable: true })
  profile!: CompanyProfileUpsertedV1 | null;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
