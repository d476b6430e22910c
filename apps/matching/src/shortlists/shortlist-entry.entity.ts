import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One company on one need's ranked shortlist, with the algorithm version that placed it there. */
@Entity({ name: 'shortlist_entry' })
export class ShortlistEntryEntity {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' })
  needId!: string;

  @PrimaryColumn({ name: 'company_id', type: 'uuid' })
  companyId!: string;

  @Column({ type: 'int' })
  rank!: number;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'boolean' })
  eligible!: boolean;

  @Column({ name: 'algorithm_version', type: 'text' })
  algorithmVersion!: string;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt!: Date;
}
