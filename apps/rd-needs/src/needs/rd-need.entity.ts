import { Column, Entity, Index } from 'typeorm';
import { ProfileEntity, TermListColumn } from '#profiles';
import type { NeedPriority, NeedStatus } from '#contracts';

@Entity({ name: 'need' })
@Index('need_external_ref_uq', ['externalSource', 'externalId'], { unique: true, where: 'external_source IS NOT NULL' })
export class RdNeedEntity extends ProfileEntity {
  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  owner!: string;

  @TermListColumn()
  therapeuticAreas!: string[];

  @TermListColumn({ default: () => "'{}'" })
  targets!: string[];

  @TermListColumn()
  modalities!: string[];

  @TermListColumn()
  stages!: string[];

  @TermListColumn()
  sectors!: string[];

  @TermListColumn()
  mustHave!: string[];

  @TermListColumn()
  niceToHave!: string[];

  @TermListColumn()
  collaborationTypes!: string[];

  @TermListColumn()
  offering!: string[];

  @Column({ name: 'prefer_china_presence', type: 'boolean' })
  preferChinaPresence!: boolean;

  @Column({ name: 'prefer_wuxi_co_location', type: 'boolean' })
  preferWuxiCoLocation!: boolean;

  @TermListColumn()
  preferredPartnerNetworks!: string[];

  @Column({ type: 'text' })
  priority!: NeedPriority;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ type: 'text' })
  status!: NeedStatus;

  @Column({ type: 'jsonb', nullable: true })
  weights!: Record<string, number> | null;
}
